## Meeting frequency (council clause 4.6, asset clause 3.3, RMO clause 3.2) and the plan for the year (clause 4.5).

command-plan = Meeting plan
period-year = In { NUMBER($year, useGrouping: 0) }
period-quarter = { $quarter ->
       *[other] In quarter
    } { $roman } of { NUMBER($year, useGrouping: 0) }
period-academic-year = In the { NUMBER($start, useGrouping: 0) }/{ NUMBER($end, useGrouping: 0) } academic year

cadence-missing-council = 📅 { $period } the council “{ $body }” must hold at least { $required } { $required ->
        [one] meeting
       *[other] meetings
    } (clause 4.6): held { $held }, announced { $announced }. Still in the plan: { $planned }. The year ends on { $ends }.
cadence-missing-asset = 📅 { $period } the asset “{ $body }” has no meeting and must hold at least { $required } { $required ->
        [one] meeting
       *[other] meetings
    } a quarter (clause 3.3): held { $held }, announced { $announced }. In the plan: { $planned }. The quarter ends on { $ends }.
cadence-missing-rmo = 📅 { $period } the RMO “{ $body }” must hold at least { $required } { $required ->
        [one] meeting
       *[other] meetings
    } (clause 3.2): held { $held }, announced { $announced }. In the plan: { $planned }. The academic year ends on { $ends }.
cadence-missing-seminar = None of them is a practical seminar yet (clause 3.2).

plan-body = 📅 { $body }
plan-period-ok = ✅ { $period }: required { $required }, held { $held }, announced { $announced }, in the plan { $planned }
plan-period-short = ⚠️ { $period }: required { $required }, held { $held }, announced { $announced }, in the plan { $planned }
plan-announce = 📣 Announce: { $date } — { $topic }
plan-add = ➕ Add to plan: { $body }
plan-csv = 📤 Download CSV
plan-nothing = You do not keep any council or association.
plan-ask-day = On what day is the meeting planned? For example: { $example }
plan-ask-topic = What is the topic of the meeting? For example: Results of the first half of the year
plan-ask-seminar = Is this a practical seminar?
plan-seminar-yes = Yes, a practical seminar
plan-seminar-no = No, an ordinary meeting
plan-saved = Added to the plan.
plan-error-date = Type the date like this: { $example }
plan-error-past = That date has already passed.
plan-error-too-far = A plan does not reach that far ahead: { $latest } at the latest. Please check the year.
plan-error-not-found = There is no such entry in the plan.
plan-column-body = Council / association
plan-column-period = Period
plan-column-required = Required
plan-column-held = Held
plan-column-announced = Announced
plan-column-planned = In the plan
plan-column-missing = Missing

notice-reminder-week = ⏰ The asset meeting is in one week.
notice-kind-reminder_week = one-week reminder
