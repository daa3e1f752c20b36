## Мои данные (/profile).

profile-card = 👤 { $name }
    Школа: { $school }
    Предмет: { $subject }
    Должность: { $position }
    Категория: { $category }
    Стаж: { $experience ->
        [-1] не указан
        [one] { $experience } год
        [few] { $experience } года
       *[many] { $experience } лет
    }
    Образование: { $education }
profile-edit-full_name = ФИО
profile-edit-school = Школа
profile-edit-subject = Предмет
profile-edit-position = Должность
profile-edit-category = Категория
profile-edit-experience_years = Стаж
profile-edit-education = Образование
profile-ask-full_name = Напишите ФИО полностью, например: Иванова Мария Петровна
profile-ask-school = Напишите школу или организацию, например: МОУ СОШ № 3
profile-ask-subject = Напишите предмет, например: математика
profile-ask-position = Напишите должность, например: учитель математики
profile-ask-category = Выберите квалификационную категорию:
profile-ask-experience_years = Сколько лет педагогического стажа? Напишите число, например: 12
profile-ask-education = Выберите образование:
profile-saved = Сохранено.

category-none = без категории
category-first = первая
category-highest = высшая
education-higher_pedagogical = высшее педагогическое
education-higher = высшее
education-secondary_professional = среднее профессиональное
education-other = другое
