## Personal data (152-FZ): consent, "My data", withdrawal and erasure.

command-mydata = Personal data: see, download, erase

consent-text = Consent to the processing of personal data

    I consent to the operator — { $operator }, address: { $address } — processing my personal data.

    Purposes: the work of the methodical council, the methodical asset and the district methodical associations (rosters, meeting notices, voting, minutes) and methodical consultations for teachers.

    Data: surname, name and patronymic; school (organisation), subject, position, qualification category and the date it was awarded, teaching experience and experience in the speciality, education, the titles “teacher-methodologist” and “teacher-mentor”, the grounds for joining the methodical asset with the files and notes that support them; Telegram id and chosen language; my votes and ballots, agenda proposals, consultation requests and my ratings of them.

    What is done with them: collection, recording, storage, correction, use, disclosure to the secretary, chair and members of the same council or association, to methodists of the asset (consultation requests) and to the coordinator within their work, anonymisation and erasure. Processing is automated, in a Telegram bot.

    Period: while I belong to a council or association and { $years ->
        [one] { $years } year
       *[other] { $years } years
    } after I leave the last one; then the data are anonymised. Signed meeting minutes are kept as records of the organisation.

    Withdrawal: at any time with /mydata → "Withdraw consent and erase my data", or in writing to the operator. After withdrawal the data are erased at once, within 30 days at the latest.
consent-operator-deployment = the organisation that runs this bot (the coordinator will name it)
consent-address-unset = not given yet (the coordinator sets it in the organisation's settings)
consent-yes = ✅ I agree
consent-no = I do not agree
consent-declined-newcomer = All right. Without consent the bot stores nothing about you. If you change your mind, open the invitation link again or send /start.
consent-declined-existing = All right. Until you agree to the current text the bot cannot go on working with you; the data it already has are kept under your earlier consent. To see them, or to withdraw consent and erase them: /mydata. To come back to the consent: /start.
consent-recorded = Thank you, your consent is recorded.
consent-ask-again = Before you go on, please confirm your consent to the processing of personal data: its text is in the next message.
consent-required-alert = Please answer the consent to the processing of personal data first: the buttons are under its text.
consent-error-changed = The consent text has changed: please read the new one (below) and answer again.
consent-error-already = Your consent is already recorded. Open /menu.
consent-error-required = Consent to the processing of personal data comes first. Send /start.

mydata-title = 🔐 My data
    Full name: { $name }
    School: { $school }
    Subject: { $subject }
    Position: { $position }
    Category: { $category }
    Experience: { $experience }
    Education: { $education }
    Telegram ID: { $telegram }
    Language: { $locale }
mydata-memberships-title = Memberships (the whole history):
mydata-membership-current = • { $body } — { $role }, since { $since }
mydata-membership-ended = • { $body } — { $role }, { $since } – { $until }
mydata-memberships-none = No memberships.
mydata-counts = Votes: { $votes }, ballots: { $ballots }, agenda proposals: { $proposals }, consultations requested: { $asked }, given: { $given }.
mydata-consents-title = Consents:
mydata-consent-chat = • in the chat, version { $version }, { $date }{ $withdrawn }
mydata-consent-paper = • on paper, entered by a secretary { $date }{ $withdrawn }
mydata-consent-withdrawn = , withdrawn { $date }
mydata-consents-none = No consent recorded.
mydata-export = 📤 Download
mydata-erase = Withdraw consent and erase my data
mydata-export-caption = Everything the bot keeps about you: JSON for programs and CSV for Excel.
mydata-erase-confirm = Withdraw your consent and erase your data?

    Your full name, school, subject, position, category, experience, education, language and Telegram ID and the texts of your consultation requests are erased at once; you leave every council and association, and the bot forgets you.

    What the organisation must keep stays: signed meeting minutes (your name stays in them as it was) and the results of past votes, where you will appear as a "deleted participant". The record of your consent and its withdrawal stays too, without your name.

    Erasure cannot be undone.
mydata-erase-yes = Yes, erase my data
mydata-erased = Done: consent withdrawn, your data erased, the bot no longer knows you.
    Only the signed minutes and results of past votes the organisation must keep remain, and the record of your consent and its withdrawal without your name.
    If you want to come back, send /start.
mydata-erased-notice = { $name } withdrew consent to the processing of personal data; their data are erased from the bot and they left every roster. If you keep paper copies of their data, erase those too (152-FZ art. 21).
mydata-csv-section = Section
mydata-csv-record = Record
mydata-csv-field = Field
mydata-csv-value = Value
mydata-section-persons = Profile
mydata-section-coordinators = Coordinator
mydata-section-memberships = Memberships
mydata-section-invitations = Personal links
mydata-section-proposals = Agenda proposals
mydata-section-rsvps = Attendance replies
mydata-section-deliveries = Notices sent
mydata-section-notices = Reminders of the category's end
mydata-section-voters = Voter lists
mydata-section-ballots = Ballots
mydata-section-votes = Votes
mydata-section-attendance = Attendance
mydata-section-vote_log = Voting log
mydata-section-methodist_profiles = Methodist profile
mydata-section-consultations-teacher_id = Consultations requested
mydata-section-consultations-methodist_id = Consultations given
mydata-section-consultation_offers = Consultations offered
mydata-section-consents = Consents
mydata-section-retention_notes = Retention notices
mydata-section-fsm_states = Unfinished forms and language choice
profile-mydata = 🔐 Personal data

privacy-title = 🔐 Personal data: "{ $organisation }"
    Operator: { $operator }
    Address: { $address }
    Consent text: version { $version } of { $date }
    Changing the name or the address makes a new version of the text: everyone confirms consent again at their next interaction with the bot; earlier consents stay in the register.
privacy-operator-edit = ✏️ Operator's name and address
privacy-register = 📥 Register of consents (CSV)
privacy-versions = 📄 Consent texts
privacy-ask-operator-name = The full name of the operator of personal data (your organisation), as in its charter. For example: Luga District Methodical Centre
privacy-ask-operator-address = The operator's address. For example: 75 Kirova Ave, Luga, Leningrad Region, 188230
privacy-saved = Saved: the consent text is now version { $version }. Everyone confirms consent again at their next interaction with the bot.
privacy-error-operator-name = The name takes { $min } to { $max } characters.
privacy-error-operator-address = The address takes { $min } to { $max } characters.
privacy-register-caption = Register of consents of "{ $organisation }": who, on what basis, to which version of the text, when given and when withdrawn.
privacy-versions-caption = Every version of the consent text of "{ $organisation }" with its SHA-256 hash.
privacy-version-heading = === Version { $version } ({ $locale }), made { $date }, SHA-256: { $hash } ===
privacy-register-person = Person
privacy-register-basis = Basis
privacy-register-version = Text version
privacy-register-hash = Text SHA-256
privacy-register-given = Given
privacy-register-withdrawn = Withdrawn
privacy-register-erased = Data erased
privacy-basis-chat = consent in the chat
privacy-basis-paper = paper consent (confirmed by a secretary)
privacy-erased-label = Deleted participant No. { NUMBER($number, useGrouping: 0) }
privacy-erased-mark = yes

paper-consent-confirm = Please confirm: this person's written consent to the processing of personal data has been received. Without it the person cannot be added. When they open the bot themselves, they confirm it in the chat.
paper-consent-confirm-import = Please confirm: the written consent to the processing of personal data of each of the { $count ->
        [one] { $count } person
       *[other] { $count } people
    } in the file has been received. The confirmation is recorded for each of them; when a person opens the bot themselves, they confirm it in the chat.
paper-consent-yes = ✅ Yes, consents received
paper-consent-error = People cannot be added without the confirmation of their paper consent.

member-no-consent = ⚠️ No consent to the processing of personal data is recorded (the person was added before the bot kept consents).
member-paper-consent = 📝 Paper consent received
member-paper-consent-done = Recorded: the paper consent was received.
paper-consent-error-recorded = This person's consent is already recorded.

retention-note = The retention period is running out: { $name } has not been in any council or association of "{ $organisation }" for { $years ->
        [one] { $years } year
       *[other] { $years } years
    }. On { $date } the bot anonymises their data. If the person is needed in a roster again, add them before that day.
retention-done = The retention period is over: the data of "{ $name }" are anonymised. Signed minutes and vote results are unchanged.
