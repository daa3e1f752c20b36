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
profile-ask-full_name = Write your full name, for example: Ivanova Maria Petrovna
profile-ask-school = Write your school or organisation, for example: School No. 3
profile-ask-subject = Write your subject, for example: mathematics
profile-ask-position = Write your position, for example: mathematics teacher
profile-ask-category = Choose your qualification category:
profile-ask-experience_years = How many years of teaching experience do you have? Write a number, for example: 12
profile-ask-education = Choose your education:
profile-saved = Saved.

category-none = none
category-first = first
category-highest = highest
education-higher_pedagogical = higher pedagogical
education-higher = higher
education-secondary_professional = secondary professional
education-other = other
