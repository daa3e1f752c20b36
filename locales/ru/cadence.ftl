## Периодичность заседаний (совет п. 4.6, актив п. 3.3, РМО п. 3.2) и план на год (п. 4.5).

command-plan = План заседаний
period-year = В { NUMBER($year, useGrouping: 0) } году
period-quarter = { $quarter ->
        [2] Во
       *[other] В
    } { $roman } квартале { NUMBER($year, useGrouping: 0) } года
period-academic-year = В { NUMBER($start, useGrouping: 0) }/{ NUMBER($end, useGrouping: 0) } учебном году

cadence-missing-council = 📅 { $period } совет «{ $body }» должен провести не менее { $required } { $required ->
        [one] заседания
       *[other] заседаний
    } (п. 4.6): проведено { $held }, объявлено { $announced }. В плане ещё: { $planned }. Год заканчивается { $ends }.
cadence-missing-asset = 📅 { $period } нет заседания актива «{ $body }»: нужно не менее { $required } { $required ->
        [one] заседания
       *[other] заседаний
    } в квартал (п. 3.3); проведено { $held }, объявлено { $announced }. В плане: { $planned }. Квартал заканчивается { $ends }.
cadence-missing-rmo = 📅 { $period } РМО «{ $body }» должно провести не менее { $required } { $required ->
        [one] заседания
       *[other] заседаний
    } (п. 3.2): проведено { $held }, объявлено { $announced }. В плане: { $planned }. Учебный год заканчивается { $ends }.
cadence-missing-seminar = Среди них ещё нет практического семинара (п. 3.2).

plan-body = 📅 { $body }
plan-period-ok = ✅ { $period }: нужно { $required }, проведено { $held }, объявлено { $announced }, в плане { $planned }
plan-period-short = ⚠️ { $period }: нужно { $required }, проведено { $held }, объявлено { $announced }, в плане { $planned }
plan-announce = 📣 Объявить: { $date } — { $topic }
plan-add = ➕ В план: { $body }
plan-csv = 📤 Выгрузить CSV
plan-nothing = Вы не ведёте ни одного совета или объединения.
plan-ask-day = На какой день планируется заседание? Например: { $example }
plan-ask-topic = Тема заседания? Например: Итоги первого полугодия
plan-ask-seminar = Это практический семинар?
plan-seminar-yes = Да, практический семинар
plan-seminar-no = Нет, обычное заседание
plan-saved = Добавлено в план.
plan-error-date = Напишите дату так: { $example }
plan-error-past = Эта дата уже прошла.
plan-error-too-far = Так далеко вперёд план не составляют: самое позднее — { $latest }. Проверьте год.
plan-error-not-found = Такой записи в плане нет.
plan-column-body = Совет / объединение
plan-column-period = Период
plan-column-required = Нужно
plan-column-held = Проведено
plan-column-announced = Объявлено
plan-column-planned = В плане
plan-column-missing = Не хватает

notice-reminder-week = ⏰ Через неделю — заседание актива.
notice-kind-reminder_week = напоминание за неделю
