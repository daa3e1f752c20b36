## Выбор даты и времени кнопками; как в извещениях пишутся день и время.

calendar-month-1 = Январь
calendar-month-2 = Февраль
calendar-month-3 = Март
calendar-month-4 = Апрель
calendar-month-5 = Май
calendar-month-6 = Июнь
calendar-month-7 = Июль
calendar-month-8 = Август
calendar-month-9 = Сентябрь
calendar-month-10 = Октябрь
calendar-month-11 = Ноябрь
calendar-month-12 = Декабрь

# Понедельник = 0: неделя начинается с понедельника.
calendar-weekday-short-0 = Пн
calendar-weekday-short-1 = Вт
calendar-weekday-short-2 = Ср
calendar-weekday-short-3 = Чт
calendar-weekday-short-4 = Пт
calendar-weekday-short-5 = Сб
calendar-weekday-short-6 = Вс

# Над кнопками времени: вернуться к календарю и выбрать другой день.
calendar-other-day = « { $date }

# $form: nom — «среда» (Когда: среда, …); acc — «среду» (перенесено на среду, …);
# when — «в среду», «во вторник» (заседание в среду, …).
weekday-0 = { $form ->
        [acc] понедельник
        [when] в понедельник
       *[nom] понедельник
    }
weekday-1 = { $form ->
        [acc] вторник
        [when] во вторник
       *[nom] вторник
    }
weekday-2 = { $form ->
        [acc] среду
        [when] в среду
       *[nom] среда
    }
weekday-3 = { $form ->
        [acc] четверг
        [when] в четверг
       *[nom] четверг
    }
weekday-4 = { $form ->
        [acc] пятницу
        [when] в пятницу
       *[nom] пятница
    }
weekday-5 = { $form ->
        [acc] субботу
        [when] в субботу
       *[nom] суббота
    }
weekday-6 = { $form ->
        [acc] воскресенье
        [when] в воскресенье
       *[nom] воскресенье
    }

# $date — 12.03.2027, $time — 15:00.
when-format = { $weekday }, { $date } { $time }
date-format = { $weekday }, { $date }
