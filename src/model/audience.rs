//! Who an article variant is written for, and where its review stands: the closed
//! enums of the content model, each string form written once (`closed_enum!`).

crate::closed_enum! {
    /// Who an article variant is written for.
    pub enum Audience("audience") {
        Patient = "patient",
        Caregiver = "caregiver",
        Professional = "professional",
    }
}

impl Audience {
    /// The label a reader sees in the audience picker.
    pub fn label(self) -> &'static str {
        match self {
            Audience::Patient => "Patient",
            Audience::Caregiver => "Caregiver",
            Audience::Professional => "Healthcare professional",
        }
    }

    /// The plural used in sentences such as "the version for caregivers".
    pub fn plural(self) -> &'static str {
        match self {
            Audience::Patient => "patients",
            Audience::Caregiver => "caregivers",
            Audience::Professional => "healthcare professionals",
        }
    }
}

crate::closed_enum! {
    /// Where an article stands in the review body's review; the steps of the
    /// review, in order.
    pub enum ReviewStatus("review status") {
        Submitted = "submitted",
        UnderReview = "under_review",
        Approved = "approved",
    }
}

impl ReviewStatus {
    pub fn label(self) -> &'static str {
        match self {
            ReviewStatus::Submitted => "Submitted",
            ReviewStatus::UnderReview => "Under Review",
            ReviewStatus::Approved => "Approved",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn audiences_round_trip_through_their_names() {
        for &audience in Audience::ALL {
            assert_eq!(audience.as_str().parse::<Audience>(), Ok(audience));
        }
        assert!("doctor".parse::<Audience>().is_err());
    }
}
