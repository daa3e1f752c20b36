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

weekday-0 = понедельник
weekday-1 = вторник
weekday-2 = среда
weekday-3 = четверг
weekday-4 = пятница
weekday-5 = суббота
weekday-6 = воскресенье

# $date — 12.03.2027, $time — 15:00.
when-format = { $weekday }, { $date } { $time }
date-format = { $weekday }, { $date }
