## Picking a date and a time by tapping; how notices write a day and a moment.

calendar-month-1 = January
calendar-month-2 = February
calendar-month-3 = March
calendar-month-4 = April
calendar-month-5 = May
calendar-month-6 = June
calendar-month-7 = July
calendar-month-8 = August
calendar-month-9 = September
calendar-month-10 = October
calendar-month-11 = November
calendar-month-12 = December

# Monday = 0: the week starts on Monday.
calendar-weekday-short-0 = Mo
calendar-weekday-short-1 = Tu
calendar-weekday-short-2 = We
calendar-weekday-short-3 = Th
calendar-weekday-short-4 = Fr
calendar-weekday-short-5 = Sa
calendar-weekday-short-6 = Su

# Above the time buttons: back to the calendar to pick another day.
calendar-other-day = « { $date }

# $form (nom, acc, when) matters in Russian only: English messages carry their own "on".
weekday-0 = { $form ->
       *[other] Monday
    }
weekday-1 = { $form ->
       *[other] Tuesday
    }
weekday-2 = { $form ->
       *[other] Wednesday
    }
weekday-3 = { $form ->
       *[other] Thursday
    }
weekday-4 = { $form ->
       *[other] Friday
    }
weekday-5 = { $form ->
       *[other] Saturday
    }
weekday-6 = { $form ->
       *[other] Sunday
    }

# $date is 12.03.2027, $time is 15:00.
when-format = { $weekday }, { $date } { $time }
date-format = { $weekday }, { $date }
