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

crate::closed_enum! {
    /// Where an article stands in the review body's review; the steps of the
    /// review, in order.
    pub enum ReviewStatus("review status") {
        Submitted = "submitted",
        UnderReview = "under_review",
        Approved = "approved",
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
