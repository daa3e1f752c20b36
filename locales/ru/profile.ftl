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
profile-edit-category_awarded_on = Дата категории
profile-edit-speciality_years = Стаж по специальности
profile-edit-titles = Звания
profile-edit-grounds = Основания (п. 3.2)
profile-ask-full_name = Напишите ФИО полностью, например: Иванова Мария Петровна
profile-ask-school = Напишите школу или организацию, например: МОУ СОШ № 3
profile-ask-subject = Напишите предмет, например: математика
profile-ask-position = Напишите должность, например: учитель математики
profile-ask-category = Выберите квалификационную категорию:
profile-ask-experience_years = Сколько лет педагогического стажа? Напишите число, например: 12
profile-ask-education = Выберите образование:
profile-ask-category_awarded_on = Когда присвоена категория? Напишите дату приказа, например: 25.12.2023. Категория действует пять лет.
profile-ask-speciality_years = Сколько лет стажа по специальности? Напишите число лет или год, с которого работаете по специальности, например: 8 или 2017
profile-ask-titles = Отметьте звание (нажатие ставит или снимает его):
profile-ask-grounds = Выберите основание из п. 3.2 положения о методическом активе; затем пришлите подтверждение — файл или пояснение:
profile-ask-evidence = Основание { $item }: { $ground }. Пришлите подтверждение: файл (скан приказа, диплома) или короткое пояснение, где это можно проверить.
profile-none-of-these = ничего из этого
profile-eligibility = Категория присвоена: { $awarded ->
        [none] дата не указана
       *[other] { $awarded }{ $lapses ->
            [none] {""}
           *[other] , действует до { $lapses }
        }
    }
    Стаж по специальности: { $speciality ->
        [-1] не указан
        [one] { $speciality } год
        [few] { $speciality } года
       *[many] { $speciality } лет
    }
    Звания: { $titles }
    Основания (п. 3.2): { $grounds }
profile-ground-item = { $item } ({ $attached ->
        [yes] подтверждено
       *[no] без подтверждения
    })
profile-error-speciality-exceeds = Стаж по специальности ({ $speciality }) не может быть больше педагогического стажа ({ $pedagogical }). Проверьте оба числа.
profile-error-speciality-years = Укажите стаж по специальности целым числом лет, от { $min } до { $max }, или годом начала работы, например: 8 или 2017
profile-error-title = Такого звания нет. Выберите его кнопкой.
profile-error-ground = Такого основания нет. Выберите его кнопкой.
profile-error-evidence = Пришлите файл или напишите пояснение текстом.

title-methodist = «педагог-методист»
title-mentor = «педагог-наставник»
ground-federal = Прошёл(ла) оценку компетенций ФИОКО
ground-regional = Прошёл(ла) региональную оценку компетенций
ground-head = Руководит методическим советом, объединением
ground-contest = Призёр, победитель конкурса профмастерства
ground-results = Высокие результаты в профессиональной деятельности
ground-department = Специалист Управления образования
profile-saved = Сохранено.

category-none = без категории
category-first = первая
category-highest = высшая
education-higher_pedagogical = высшее педагогическое
education-higher = высшее
education-secondary_professional = среднее профессиональное
education-other = другое

category-lapse-own = ⏳ Ваша квалификационная категория действует до { $date }, { $days ->
        [0] срок истекает сегодня
        [one] остался { $days } день
        [few] осталось { $days } дня
       *[many] осталось { $days } дней
    }. С ней истекает и соответствие требованиям к членам методического актива. Если категория подтверждена заново, укажите новую дату в /profile.
category-lapse-coordinator = ⏳ { $name }: квалификационная категория действует до { $date }, { $days ->
        [0] срок истекает сегодня
        [one] остался { $days } день
        [few] осталось { $days } дня
       *[many] осталось { $days } дней
    }. После этого педагог перестаёт соответствовать требованиям к членам методического актива.
