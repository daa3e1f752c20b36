## Требования к членам методического актива: Луга, прил. 3, п. 2.5; Зырянский район, п. 3.2.

eligibility-title-luga = Требования к членам актива — Лужский район (приложение 3, п. 2.5):
eligibility-title-zyryansky = Требования к членам актива — Зырянский район (п. 3.2):
eligibility-title-custom = Требования к членам актива — свои пороги организации:
eligibility-line = { $mark } { $requirement } — { $status }{ $clause ->
        [none] {""}
       *[other] {" "}(п. { $clause })
    }
eligibility-status-met = выполнено
eligibility-status-missing = не выполнено
eligibility-status-unverified = не подтверждено
eligibility-education = высшее педагогическое образование
eligibility-pedagogical = педагогический стаж не менее { $years ->
        [one] { $years } года
       *[other] { $years } лет
    }
eligibility-speciality = стаж по специальности не менее { $years ->
        [one] { $years } года
       *[other] { $years } лет
    }
eligibility-or = {" "}или{" "}
eligibility-category = { $categories ->
        [none] звание { $titles }
       *[other] { $titles ->
            [none] { $categories } квалификационная категория
           *[other] { $categories } квалификационная категория и/или звание { $titles }
        }
    }
eligibility-grounds = одно или несколько оснований из п. 3.2: { $items }
eligibility-none = Требований нет: отметьте нужные кнопками ниже.

eligibility-setting-title = 🎓 { $organisation }
eligibility-setting-line = • { $requirement }{ $clause ->
        [none] {""}
       *[other] {" "}(п. { $clause })
    }
eligibility-variant-luga = Как в Луге (прил. 3, п. 2.5)
eligibility-variant-zyryansky = Как в Зырянском районе (п. 3.2)
eligibility-variant-custom = Свои пороги
eligibility-set-education = { $mark } Высшее педагогическое образование
eligibility-set-pedagogical = Педагогический стаж: { $years ->
        [0] не требуется
        [one] от { $years } года
       *[other] от { $years } лет
    }
eligibility-set-speciality = Стаж по специальности: { $years ->
        [0] не требуется
        [one] от { $years } года
       *[other] от { $years } лет
    }
eligibility-error-setting = Такой настройки нет. Откройте требования заново из настроек организации.
