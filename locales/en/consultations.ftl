## Consultations (asset, clauses 3.1–3.2): a teacher's request, “I'll take it”, time, rating, report.

command-consult = Consultations
menu-consult = 💬 Consultations
consult-home = Methodical consultations: a teacher asks a question, and a methodist of the asset who covers your subject and direction takes it.
consult-ask = ➕ Ask for a consultation
consult-own = 📂 My requests ({ $count })
consult-mine = 📥 Requests for me ({ $count })
consult-profile = 🎯 My subjects and directions
consult-all = 📋 All requests ({ $count })
consult-report = 📊 Report
consult-list = Requests: { $count }. Choose one to open it.

ask-topic = What do you need help with? Describe the topic in one or two sentences, for example: how to build an individual learning path for a student who struggles with mathematics.
ask-subject = Which subject is it about? Type it or press the button with your subject.
ask-direction = Which direction is it?
ask-size = Is the consultation just for you or for a group of teachers?
ask-mode = How would you prefer to meet?
ask-wishes = When suits you? For example: after 15:00 on Tuesdays and Thursdays.
ask-summary = Check your request:
    Topic: { $topic }
    Subject: { $subject }
    Direction: { $direction }
    Format: { $size }, { $mode }
    Convenient time: { $wishes }
ask-send = 📨 Send
ask-sent-offered = The request has been sent to methodists ({ $count }). The bot will let you know who takes it.
ask-sent-coordinator = There are no suitable methodists yet: the request has been passed to the coordinator, who will assign a methodist.
ask-sent-missed = Did not get the request: { $names }.
ask-sent-missed-name = { $name } ({ $reason ->
        [no_telegram] no Telegram
       *[unreachable] does not receive the bot's messages
    })

direction-deficits = Professional gaps and individual paths
direction-contests = Preparing for professional contests
direction-young = Young teachers and mentoring
direction-low_results = Schools with low results
direction-attestation = Attestation and assessment
direction-burnout = Preventing professional burnout
direction-tutoring = Tutoring during advanced-training courses
direction-other = Other
size-individual = individual
size-group = group
mode-in_person = in person
mode-online = online

consultation-status-new = new
consultation-status-offered = awaiting a methodist
consultation-status-assigned = with a methodist
consultation-status-scheduled = scheduled
consultation-status-done = held
consultation-status-declined = declined
consultation-status-cancelled = cancelled
consultation-title = 💬 Consultation No. { $id } — { $status }
consultation-topic = Topic: { $topic }
consultation-details = Subject: { $subject }; { $direction }; { $size }, { $mode }
consultation-wishes = Convenient time: { $wishes }
consultation-teacher = Teacher: { $name } ({ $school })
consultation-methodist = Methodist: { $name }
consultation-time = When: { $when }; where: { $place }
consultation-time-proposed = Proposed time: { $when }; where: { $place }
consultation-reason = Reason: { $reason }
consultation-rating = Rating: { $rating } out of 5 { $comment }
consultation-ics-summary = Consultation: { $topic }

consultation-take = ✋ I'll take it
consultation-propose = 🕒 Propose a time
consultation-done = ✅ Held
consultation-decline = ❌ Decline
consultation-confirm = ✅ I confirm the time
consultation-other-time = 🔁 Ask for another time
consultation-cancel = Cancel the request
consultation-assign = 👤 Assign a methodist

consultation-new = 💬 New consultation request.
consultation-taken = ✋ Your request has been taken by a methodist: { $name }. They will propose a time.
consultation-taken-by-you = The request is yours. Propose a time and a place or a link to the teacher.
consultation-taken-by-other = Request No. { $id } was taken by { $name }.
consultation-ask-when = When should the consultation take place? Type the date and time, for example: { $example }
consultation-ask-place = Where? The address and room or a video call link.
consultation-proposed = The time has been proposed to the teacher.
consultation-time-offered = 🕒 The methodist proposes a time for the consultation.
consultation-confirmed-by-you = The time is confirmed. The bot will remind you the day before.
consultation-confirmed = ✅ The teacher has confirmed the consultation time.
consultation-other-asked = The methodist will be asked to propose another time.
consultation-other-time-asked = 🔁 The teacher asks for another time.
consultation-done-by-you = Marked: the consultation has been held. We will ask the teacher to rate it.
consultation-rate-please = ✅ The methodist has marked the consultation as held. Please rate it from 1 to 5 stars.
consultation-rated = Thank you for your rating!
consultation-ask-comment = If you like, write a few words about the consultation — or press /cancel.
consultation-thanks = Thank you, your feedback has been saved.
consultation-ask-reason = Why is the request declined? The teacher will see the reason.
consultation-declined-by-you = The request has been declined; the teacher will receive the reason.
consultation-declined = ❌ The consultation request has been declined.
consultation-cancelled-by-you = The request has been cancelled.
consultation-cancelled = The teacher has cancelled the consultation request.
consultation-assign-choose = Which methodist should the request be assigned to?
consultation-assigned-by-you = The methodist has been assigned.
consultation-assigned = 👤 The coordinator has assigned a methodist.
consultation-escalated = ⚠️ Nobody took the consultation request in time. Please assign a methodist.
consultation-reminder = ⏰ Reminder: the consultation is tomorrow.
notice-kind-consult_escalate = request without a methodist
notice-kind-consult_reminder = consultation reminder

consultation-error-not-found = Request not found.
consultation-error-taken = This request has already been taken by another methodist (or passed to the coordinator).
consultation-error-state = The request cannot be moved from “{ $old }” to “{ $new }”.
consultation-error-state-now = This cannot be done now: the request is already in a different state. Open it again.
consultation-error-not-yours = Only the methodist who has the request or a coordinator can do this.
consultation-error-no-organisation = First set the methodical service in your details: press /start.
consultation-error-no-methodist = This person is not a methodist of the asset.
consultation-error-not-methodist = Subjects and directions are set by methodists of the asset.
consultation-error-rated = A rating has already been given.
consultation-error-topic = Describe the topic in { $min } to { $max } characters, for example: preparing for the “Teacher of the Year” contest.
consultation-error-wishes = Write when suits you, { $min } to { $max } characters, for example: after 15:00 on Tuesdays.
consultation-error-reason = Write the reason, { $min } to { $max } characters.
consultation-error-place = Write the place or a link, { $min } to { $max } characters, for example: Methodical Centre, room 5.
consultation-error-comment = Feedback can be up to { $max } characters.
consultation-error-rating = The rating must be from { $min } to { $max }.

methodist-profile = 🎯 You are offered requests:
    for subjects: { $subjects }
    for directions: { $directions }
    Press a direction to turn it on or off.
methodist-joined = 🎯 You are a methodist of the asset: teachers' consultation requests will be offered to you. Check which subjects and directions; your subject is already taken from your registration.
methodist-any = any
methodist-ask-subjects = Type your subjects separated by commas, for example: mathematics, physics. To take requests for any subject, send “-”.
profile-subjects-edit = ✏️ Subjects

consult-report-choose = Which period is the report for?
consult-report-period-month = This month
consult-report-period-last = Last month
consult-report-period-year = Academic year (since September)
consult-report-title = Consultations
consult-report-summary = 📊 Consultations from { $since } to { $until }: { $total } in total.
    Average time until taken: { NUMBER($take, minimumFractionDigits: 1, maximumFractionDigits: 1) } h, until held: { NUMBER($hold, minimumFractionDigits: 1, maximumFractionDigits: 1) } h.
    Average rating: { NUMBER($rating, minimumFractionDigits: 1, maximumFractionDigits: 1) } (ratings: { $ratings }).
consult-report-line = • { $name }: { $count }
consult-report-column-id = No.
consult-report-column-created = Created
consult-report-column-status = Status
consult-report-column-direction = Direction
consult-report-column-subject = Subject
consult-report-column-school = School
consult-report-column-teacher = Teacher
consult-report-column-methodist = Methodist
consult-report-column-taken-hours = Taken after, h
consult-report-column-held-hours = Held after, h
consult-report-column-rating = Rating
consult-report-summary-rows-sheet = Requests
consult-report-summary-summary-sheet = Summary
consult-report-summary-total = Total requests
consult-report-summary-by-status = By status
consult-report-summary-by-direction = By direction
consult-report-summary-by-subject = By subject
consult-report-summary-by-school = By school
consult-report-summary-by-methodist = By methodist
consult-report-summary-average-take = Average time until taken, h
consult-report-summary-average-hold = Average time until held, h
consult-report-summary-average-rating = Average rating
consult-report-summary-ratings-count = Ratings
