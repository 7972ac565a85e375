use yew::prelude::*;

use crate::model::Audience;

#[derive(Properties, PartialEq)]
pub struct DisclaimerProps {
    pub audience: Audience,
}

/// The heading and text of the disclaimer each audience reads.
pub fn disclaimer_text(audience: Audience) -> (&'static str, &'static str) {
    match audience {
        Audience::Professional => (
            "Professional Medical Disclaimer",
            "This information is intended for healthcare professionals. Any medical decision-making should rely on clinical judgment and independently verified information. The content provided herein does not replace professional discretion and should be considered supplementary to established clinical guidelines. Healthcare providers should verify all information against primary literature and current practice standards before application in patient care. Dr.Oracle assumes no liability for clinical decisions based on this content.",
        ),
        Audience::Patient => (
            "Medical Disclaimer",
            "This article explains a health topic in general terms. It is not medical advice for you, and it does not replace talking with your own doctor or care team, who know your situation. Do not start, stop or change a treatment because of what you read here. If you think you may have a medical emergency, call your local emergency number now.",
        ),
        Audience::Caregiver => (
            "Caregiver Disclaimer",
            "This article gives general information to help you support the person you care for. It is not medical advice and does not replace the guidance of their doctor or care team, who know their situation. Talk with the care team before any change to treatment. If you think the person you care for has a medical emergency, call your local emergency number now.",
        ),
    }
}

/// The disclaimer for the audience whose variant is shown.
#[function_component]
pub fn Disclaimer(props: &DisclaimerProps) -> Html {
    let (heading, text) = disclaimer_text(props.audience);
    html! {
        <aside class="disclaimer" part="disclaimer" aria-labelledby="disclaimer-heading">
            <h2 id="disclaimer-heading">{ heading }</h2>
            <p>{ text }</p>
        </aside>
    }
}
