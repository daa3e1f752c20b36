## Requirements for members of the methodical asset: Luga, appendix 3, 2.5; Zyryansky, 3.2.

eligibility-title-luga = Requirements for asset members — Luga district (appendix 3, cl. 2.5):
eligibility-title-zyryansky = Requirements for asset members — Zyryansky district (cl. 3.2):
eligibility-title-custom = Requirements for asset members — the organisation's own thresholds:
eligibility-line = { $mark } { $requirement } — { $status }{ $clause ->
        [none] {""}
       *[other] {" "}(cl. { $clause })
    }
eligibility-status-met = met
eligibility-status-missing = missing
eligibility-status-unverified = unverified
eligibility-education = higher pedagogical education
eligibility-pedagogical = at least { $years ->
        [one] { $years } year
       *[other] { $years } years
    } of teaching experience
eligibility-speciality = at least { $years ->
        [one] { $years } year
       *[other] { $years } years
    } of experience in the speciality
eligibility-or = {" "}or{" "}
eligibility-category = { $categories ->
        [none] the title { $titles }
       *[other] { $titles ->
            [none] the { $categories } qualification category
           *[other] the { $categories } qualification category and/or the title { $titles }
        }
    }
eligibility-grounds = one or more of the grounds of cl. 3.2: { $items }
eligibility-none = No requirements: mark the ones you need with the buttons below.

eligibility-setting-title = 🎓 { $organisation }
eligibility-setting-line = • { $requirement }{ $clause ->
        [none] {""}
       *[other] {" "}(cl. { $clause })
    }
eligibility-variant-luga = As in Luga (appendix 3, cl. 2.5)
eligibility-variant-zyryansky = As in Zyryansky district (cl. 3.2)
eligibility-variant-custom = Own thresholds
eligibility-set-education = { $mark } Higher pedagogical education
eligibility-set-pedagogical = Teaching experience: { $years ->
        [0] not required
        [one] from { $years } year
       *[other] from { $years } years
    }
eligibility-set-speciality = Experience in the speciality: { $years ->
        [0] not required
        [one] from { $years } year
       *[other] from { $years } years
    }
eligibility-error-setting = There is no such setting. Please open the requirements again from the organisation's settings.
