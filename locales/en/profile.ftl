## My details (/profile).

profile-card = 👤 { $name }
    School: { $school }
    Subject: { $subject }
    Position: { $position }
    Category: { $category }
    Teaching experience: { $experience ->
        [-1] not given
        [one] { $experience } year
       *[other] { $experience } years
    }
    Education: { $education }
profile-edit-full_name = Full name
profile-edit-school = School
profile-edit-subject = Subject
profile-edit-position = Position
profile-edit-category = Category
profile-edit-experience_years = Teaching experience
profile-edit-education = Education
profile-edit-category_awarded_on = Category date
profile-edit-speciality_years = Experience in the speciality
profile-edit-titles = Titles
profile-edit-grounds = Grounds (cl. 3.2)
profile-ask-full_name = Write your full name, for example: Ivanova Maria Petrovna
profile-ask-school = Write your school or organisation, for example: School No. 3
profile-ask-subject = Write your subject, for example: mathematics
profile-ask-position = Write your position, for example: mathematics teacher
profile-ask-category = Choose your qualification category:
profile-ask-experience_years = How many years of teaching experience do you have? Write a number, for example: 12
profile-ask-education = Choose your education:
profile-ask-category_awarded_on = When was your category awarded? Write the date of the order, for example: 25.12.2023. A category lasts five years.
profile-ask-speciality_years = How many years of experience in your speciality? Write the number of years or the year you started, for example: 8 or 2017
profile-ask-titles = Mark your title (a tap sets or clears it):
profile-ask-grounds = Choose a ground from clause 3.2 of the asset's regulation; then send its evidence — a file or a note:
profile-ask-evidence = Ground { $item }: { $ground }. Send its evidence: a file (a scan of the order or diploma) or a short note saying where it can be checked.
profile-none-of-these = none of these
profile-eligibility = Category awarded: { $awarded ->
        [none] date not given
       *[other] { $awarded }{ $lapses ->
            [none] {""}
           *[other] , valid until { $lapses }
        }
    }
    Experience in the speciality: { $speciality ->
        [-1] not given
        [one] { $speciality } year
       *[other] { $speciality } years
    }
    Titles: { $titles }
    Grounds (cl. 3.2): { $grounds }
profile-ground-item = { $item } ({ $attached ->
        [yes] evidence attached
       *[no] no evidence
    })
profile-error-speciality-exceeds = Experience in the speciality ({ $speciality }) cannot exceed the teaching experience ({ $pedagogical }). Please check both numbers.
profile-error-speciality-years = Please give the experience in the speciality as a whole number of years from { $min } to { $max }, or as the year you started, for example: 8 or 2017
profile-error-title = There is no such title. Please choose one with a button.
profile-error-ground = There is no such ground. Please choose one with a button.
profile-error-evidence = Please send a file or write a note as text.

title-methodist = “teacher-methodologist”
title-mentor = “teacher-mentor”
ground-federal = Passed the FIOKO competence assessment
ground-regional = Passed the regional competence assessment
ground-head = Heads a methodical council or association
ground-contest = Prize-winner of a professional contest
ground-results = High results in professional work
ground-department = Specialist of the education department
profile-saved = Saved.

category-none = none
category-first = first
category-highest = highest
education-higher_pedagogical = higher pedagogical
education-higher = higher
education-secondary_professional = secondary professional
education-other = other

category-lapse-own = ⏳ Your qualification category is valid until { $date }, { $days ->
        [0] it ends today
        [one] { $days } day left
       *[other] { $days } days left
    }. Your eligibility for the methodical asset ends with it. If the category has been renewed, please give the new date in /profile.
category-lapse-coordinator = ⏳ { $name }: the qualification category is valid until { $date }, { $days ->
        [0] it ends today
        [one] { $days } day left
       *[other] { $days } days left
    }. After that they no longer meet the requirements for members of the methodical asset.
