"""Given and family names for demo and benchmark data, per script and origin.

Common names only, combined at random: the people made from them are fictional. Each origin
names the script it is written in, the language code its clients usually speak and a rough
weight (how often the origin turns up at the centre). Some origins appear in two scripts (an
Arabic-speaking client may be registered in Arabic script or in a Latin transliteration from
the passport), because the desk sees both.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class NameOrigin:
    key: str
    script: str  # latin, arabic, cyrillic, ethiopic
    languages: tuple[str, ...]  # ISO 639 codes, first = most frequent
    weight: float
    given: tuple[str, ...]
    family: tuple[str, ...]
    # status groups typical for the origin (statistics only), first = most frequent
    status_groups: tuple[str, ...] = ("asylum_seeker", "recognised", "tolerated")


def _split(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(",") if part.strip())


ORIGINS: tuple[NameOrigin, ...] = (
    NameOrigin(
        "arabic_script", "arabic", ("ar",), 9.0,
        _split("محمد, أحمد, علي, عمر, خالد, يوسف, إبراهيم, حسن, حسين, مصطفى, عبد الله, عبد الرحمن, "
               "سامر, باسل, رامي, فاطمة, عائشة, مريم, زينب, نور, سارة, هبة, رنا, ليلى, أمينة, "
               "سلمى, دعاء, خديجة, رهف, جنى"),
        _split("الأحمد, الحسن, العلي, الخطيب, حداد, النجار, الشامي, المصري, العمر, الحلبي, "
               "قاسم, سليمان, يوسف, إبراهيم, عثمان, الزعبي, الحمصي, درويش, خليل, منصور, "
               "عبد الله, السيد, الرفاعي, الأسعد"),
    ),
    NameOrigin(
        "arabic_latin", "latin", ("ar", "ku"), 9.0,
        _split("Mohammed, Muhammad, Mohamad, Ahmad, Ahmed, Ali, Omar, Khaled, Youssef, Yusuf, Ibrahim, "
               "Hassan, Hussein, Mustafa, Abdullah, Abdulrahman, Samer, Basel, Rami, Fatima, Aisha, "
               "Maryam, Zainab, Nour, Sara, Heba, Rana, Layla, Amina, Salma, Duaa, Khadija, Rahaf, Jana"),
        _split("Al-Ahmad, Al-Hassan, Alali, Al-Khatib, Haddad, Al-Najjar, Al-Shami, El-Masri, Alomar, "
               "Al-Halabi, Kassem, Suleiman, Youssef, Ibrahim, Othman, Al-Zoubi, Al-Homsi, Darwish, "
               "Khalil, Mansour, Abdullah, El-Sayed, Al-Rifai, Al-Asaad, Hamdan, Mahmoud, Saleh"),
    ),
    NameOrigin(
        "persian", "arabic", ("fa", "prs"), 5.0,
        _split("علی, محمد, رضا, حسین, مهدی, امیر, سعید, جواد, احمد, مرتضی, فرهاد, بهروز, "
               "زهرا, فاطمه, مریم, معصومه, لیلا, نرگس, شیرین, پریسا, سمیرا, آزاده, فرشته, گلناز"),
        _split("احمدی, محمدی, حسینی, رضایی, کریمی, موسوی, جعفری, رحیمی, هاشمی, نوری, "
               "صادقی, قاسمی, عزیزی, یوسفی, حیدری, نظری, امیری, سلطانی, کاظمی, اکبری"),
    ),
    NameOrigin(
        "afghan_latin", "latin", ("prs", "ps", "fa"), 4.0,
        _split("Ahmad, Mohammad, Ali, Reza, Hamid, Jawad, Mahdi, Farid, Noor, Zabihullah, Rahmatullah, "
               "Habib, Sayed, Zahra, Fatemeh, Maryam, Masooma, Shabnam, Parwana, Nazanin, Roya, Sakina"),
        _split("Ahmadi, Mohammadi, Hosseini, Rezaei, Karimi, Mousavi, Jafari, Rahimi, Hashimi, Noori, "
               "Sadiqi, Azizi, Haidari, Nazari, Amiri, Sultani, Popal, Stanekzai, Wardak, Rahmani"),
    ),
    NameOrigin(
        "ukrainian", "cyrillic", ("uk", "ru"), 8.0,
        _split("Олександр, Андрій, Дмитро, Сергій, Максим, Іван, Олег, Юрій, Богдан, Тарас, Віктор, "
               "Олена, Наталія, Тетяна, Ірина, Оксана, Юлія, Світлана, Марія, Анна, Людмила, Катерина, "
               "Софія, Галина"),
        _split("Шевченко, Коваленко, Бондаренко, Ткаченко, Кравченко, Олійник, Мельник, Шевчук, "
               "Поліщук, Бойко, Коваль, Ковальчук, Савченко, Руденко, Лисенко, Марченко, Петренко, "
               "Мороз, Павленко, Кузьменко, Гончаренко, Левченко"),
        ("other", "recognised"),
    ),
    NameOrigin(
        "russian", "cyrillic", ("ru",), 3.0,
        _split("Александр, Дмитрий, Сергей, Николай, Владимир, Алексей, Евгений, Михаил, "
               "Елена, Наталья, Ольга, Татьяна, Ирина, Светлана, Людмила, Галина, Анастасия"),
        _split("Иванов, Смирнов, Кузнецов, Попов, Васильев, Петров, Соколов, Михайлов, Новиков, "
               "Фёдоров, Морозов, Волков, Лебедев, Шмидт, Вебер, Келлер, Беккер"),
        ("late_resettler", "other", "eu_citizen"),
    ),
    NameOrigin(
        "ukrainian_latin", "latin", ("uk", "ru"), 3.0,
        _split("Oleksandr, Andrii, Dmytro, Serhii, Maksym, Ivan, Oleh, Yurii, Olena, Nataliia, Tetiana, "
               "Iryna, Oksana, Yuliia, Svitlana, Mariia, Anna, Kateryna"),
        _split("Shevchenko, Kovalenko, Bondarenko, Tkachenko, Kravchenko, Oliinyk, Melnyk, Shevchuk, "
               "Polishchuk, Boiko, Koval, Savchenko, Rudenko, Lysenko, Marchenko, Petrenko"),
        ("other", "recognised"),
    ),
    NameOrigin(
        "tigrinya", "ethiopic", ("ti", "am"), 3.0,
        _split("ተስፋይ, ሰለሞን, ዳዊት, ዮናስ, ሃብቶም, መሓሪ, ብርሃነ, ፍሰሃ, ኣማኑኤል, ሚኪኤል, "
               "ሳባ, ሉላ, ሕሊና, ኣዳነች, ፍረወይኒ, ሰላም, ሄለን, ትርሓስ, ሚሊዮን"),
        _split("ተወልደ, ገብረሂወት, ተኽለ, ሃይለ, ገብሩ, ተስፋማርያም, ወልደሚካኤል, በረኸት, ኪዳነ, "
               "ሃብተማርያም, ዘርኡ, ግርማይ, ኣብርሃ, መንግስቱ"),
    ),
    NameOrigin(
        "eritrean_latin", "latin", ("ti", "am"), 3.0,
        _split("Tesfay, Solomon, Dawit, Yonas, Habtom, Mehari, Berhane, Fisseha, Amanuel, Michael, "
               "Saba, Lula, Helina, Adanech, Freweini, Selam, Helen, Tirhas, Senait, Yordanos"),
        _split("Tewelde, Gebrehiwet, Tekle, Haile, Gebru, Tesfamariam, Weldemichael, Bereket, Kidane, "
               "Habtemariam, Zeru, Girmay, Abraha, Mengistu, Ghebremedhin, Asfaha"),
    ),
    NameOrigin(
        "turkish_kurdish", "latin", ("tr", "ku"), 6.0,
        _split("Mehmet, Mustafa, Ahmet, Ali, Hüseyin, Hasan, İbrahim, Murat, Emre, Serkan, Deniz, "
               "Ayşe, Fatma, Emine, Hatice, Zeynep, Elif, Merve, Şükran, Gülsüm, Rojda, Berivan, Dilan, "
               "Azad, Rêber, Şêrko"),
        _split("Yılmaz, Kaya, Demir, Şahin, Çelik, Yıldız, Yıldırım, Öztürk, Aydın, Özdemir, Arslan, "
               "Doğan, Kılıç, Aslan, Çetin, Kurt, Koç, Polat, Ekinci, Tekin, Şimşek, Güneş"),
        ("asylum_seeker", "recognised", "other"),
    ),
    NameOrigin(
        "balkan_eu", "latin", ("ro", "bg", "pl", "hr", "sq"), 5.0,
        _split("Ion, Andrei, Mihai, Florin, Ionuț, Georgi, Dimitar, Krzysztof, Piotr, Tomasz, Marek, "
               "Luka, Ivan, Arben, Ilir, Elena, Ioana, Maria, Andreea, Mihaela, Desislava, Agnieszka, "
               "Katarzyna, Małgorzata, Ana, Ivana, Drita, Blerta"),
        _split("Popescu, Ionescu, Popa, Dumitru, Stoica, Georgiev, Dimitrov, Ivanova, Kowalski, "
               "Nowak, Wiśniewski, Wójcik, Kamińska, Horvat, Kovačević, Babić, Hoxha, Krasniqi, "
               "Gashi, Berisha, Dragomir, Țurcanu"),
        ("eu_citizen", "other"),
    ),
    NameOrigin(
        "somali_west_africa", "latin", ("so", "en", "fr"), 3.0,
        _split("Abdi, Abdirahman, Mohamed, Ahmed, Hassan, Farah, Yusuf, Ismail, Mamadou, Ibrahima, "
               "Ousmane, Chinedu, Emeka, Hodan, Fadumo, Amina, Khadra, Ifrah, Aïssatou, Fatoumata, "
               "Mariama, Blessing, Chioma"),
        _split("Warsame, Farah, Abdullahi, Hussein, Osman, Jama, Mohamud, Diallo, Bah, Barry, Sow, "
               "Camara, Traoré, Okafor, Okonkwo, Eze, Adeyemi, Mensah, Ndiaye"),
    ),
    NameOrigin(
        "german", "latin", ("de",), 2.0,
        _split("Peter, Thomas, Michael, Andreas, Jürgen, Stefan, Klaus, Sabine, Petra, Monika, "
               "Andrea, Birgit, Ursula, Jörg, Günther, Käthe"),
        _split("Müller, Schmidt, Schneider, Fischer, Weber, Meyer, Wagner, Becker, Schulz, Hoffmann, "
               "Koch, Bauer, Richter, Klein, Wolf, Schäfer, Neumann, Schwarz, Zimmermann, Braun"),
        ("late_resettler", "eu_citizen", "other"),
    ),
)

#: Places of residence as the desk records them (≈60 % Balingen).
BALINGEN_PLACES: tuple[str, ...] = (
    "Balingen", "Balingen", "Balingen", "Balingen", "Balingen-Frommern", "Balingen-Engstlatt",
    "Balingen-Endingen", "Balingen-Weilstetten", "Balingen-Ostdorf", "Balingen-Heselwangen",
)
KLEINER_HEUBERG_PLACES: tuple[str, ...] = (
    "Meßstetten", "Stetten am kalten Markt", "Isingen", "Rosenfeld", "Meßstetten-Hossingen",
    "Nusplingen", "Obernheim",
)
OTHER_PLACES: tuple[str, ...] = (
    "Albstadt", "Hechingen", "Geislingen", "Haigerloch", "Bisingen", "Dotternhausen", "Schömberg",
    "Rottweil", "Sigmaringen", "Tübingen",
)

#: Where clients are sent on to (referrals).
REFERRAL_TARGETS: tuple[str, ...] = (
    "Jobcenter Zollernalbkreis", "Ausländerbehörde Landratsamt", "Caritas Migrationsdienst",
    "DRK Suchdienst", "Schuldnerberatung", "Psychologische Beratungsstelle", "Familienkasse",
    "Sprachkursträger VHS Balingen",
)

#: Fictional staff of the demo centre: (username, display name).
STAFF_NAMES: dict[str, str] = {
    "leitung": "Sabine Köhler",
    "empfang": "Jonas Weber",
    "ehrenamt": "Gisela Brenner",
    "mbe": "Hatice Demir",
    "im": "Markus Vogt",
    "im2": "Elena Petrova",
    "kh": "Amira Haddad",
    "praktikum": "Lea Schäfer",
}

#: Fictional volunteer interpreters: (name, languages, phone).
INTERPRETERS: tuple[tuple[str, str, str], ...] = (
    ("Rania Saleh", "ar", "0176 5550101"),
    ("Farid Noori", "fa,prs,ps", "0157 5550102"),
    ("Oksana Melnyk", "uk,ru", "0160 5550103"),
    ("Yonas Gebru", "ti,am", "0152 5550104"),
    ("Dilan Ekinci", "tr,ku", "0171 5550105"),
    ("Abdi Warsame", "so,ar", "0178 5550106"),
)
