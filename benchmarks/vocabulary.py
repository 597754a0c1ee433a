"""Word lists for the benchmark corpus; a tuple of strings is one thing's spelling variants."""

from __future__ import annotations

from dataclasses import dataclass

_ORDERS = (
    "{fig} {unit} {pred} in {place} on {date}, {who} {said}.",
    "{who} {said} that {fig} {unit} {pred} in {place} on {date}.",
    "According to {who}, {fig} {unit} {pred} in {place} on {date}.",
    "On {date}, {fig} {unit} {pred} in {place}, according to {who}.",
    "In {place}, {fig} {unit} {pred} on {date}, {who} {said}.",
    "{who} {said} on {date} that {fig} {unit} {pred} in {place}.",
)


@dataclass(frozen=True)
class FactType:
    """A kind of figure a story reports: what is counted, what happened to it, typical sizes."""

    name: str
    units: tuple[str, ...]
    predicates: tuple[str, ...]
    magnitudes: tuple[int, ...]
    templates: tuple[str, ...] = _ORDERS


FACT_TYPES: tuple[FactType, ...] = (
    FactType(
        "killed",
        ("people", "civilians", "residents"),
        ("were killed", "died", "lost their lives"),
        (1, 10, 100),
    ),
    FactType(
        "wounded", ("people", "civilians"), ("were wounded", "were injured", "were hurt"), (10, 100)
    ),
    FactType(
        "displaced",
        ("people", "residents", "families"),
        ("were displaced", "were forced from their homes", "fled their homes"),
        (100, 1000, 10_000),
    ),
    FactType(
        "arrested",
        ("protesters", "demonstrators", "people"),
        ("were arrested", "were detained", "were taken into custody"),
        (10, 100),
    ),
    FactType(
        "troops",
        ("soldiers", "troops", "servicemen"),
        ("were deployed", "were sent to the front", "were stationed"),
        (100, 1000),
    ),
    FactType(
        "soldiers-lost",
        ("soldiers", "troops", "fighters"),
        ("were killed or wounded", "were killed and wounded", "were lost"),
        (10, 100, 1000),
    ),
    FactType(
        "jobs",
        ("workers", "employees", "staff"),
        ("lost their jobs", "were laid off", "were made redundant"),
        (100, 1000),
    ),
    FactType(
        "homes",
        ("homes", "houses", "buildings"),
        ("were destroyed", "were damaged", "were flattened"),
        (10, 100, 1000),
    ),
    FactType(
        "vaccinated",
        ("children", "residents", "people"),
        ("were vaccinated", "received vaccines", "got their first dose"),
        (1000, 10_000, 100_000),
    ),
    FactType(
        "evacuated",
        ("people", "residents", "patients"),
        ("were evacuated", "were moved to safety", "were taken to shelters"),
        (100, 1000),
    ),
    FactType(
        "missing",
        ("people", "fishermen", "hikers", "soldiers"),
        ("went missing", "were reported missing", "remain unaccounted for"),
        (1, 10),
    ),
)

QUALIFIERS: tuple[tuple[str, ...], ...] = (
    (),
    (),
    ("at least",),
    ("at least", "no fewer than"),
    ("more than", "over"),
    ("about", "around", "some", "approximately"),
    ("nearly", "almost"),
    ("up to",),
)

EVENTS = (
    "flooding",
    "an earthquake",
    "a wildfire",
    "a factory fire",
    "a storm",
    "protests",
    "a strike",
    "shelling",
    "a measles outbreak",
    "a landslide",
    "a train derailment",
    "a drought",
    "a cyclone",
    "an offensive",
)

PLACES: tuple[tuple[str, ...], ...] = (
    ("Kyiv", "Kiev"),
    ("Odesa", "Odessa"),
    ("Kharkiv", "Kharkov"),
    ("Dnipro", "Dnipropetrovsk"),
    ("Mykolaiv", "Nikolaev"),
    ("the Kursk region", "Kursk region", "Russia's Kursk region", "Russia\u2019s Kursk region"),
    ("Gaza",),
    ("Khan Younis", "Khan Yunis"),
    ("Aleppo", "Halab"),
    ("Tripoli",),
    ("Benghazi", "Bengazi"),
    ("Mosul",),
    ("Busan", "Pusan"),
    ("Beijing", "Peking"),
    ("Mumbai", "Bombay"),
    ("Chennai", "Madras"),
    ("Kolkata", "Calcutta"),
    ("Yangon", "Rangoon"),
    ("Manila",),
    ("Lagos",),
    ("Nairobi",),
    ("Khartoum",),
    ("Lima",),
    ("Quito",),
    ("Porto Alegre",),
    ("Valencia",),
    ("Thessaloniki", "Salonika"),
    ("Izmir", "Smyrna"),
    ("Almaty", "Alma-Ata"),
    ("Tbilisi", "Tiflis"),
    ("Sumy",),
    ("Zaporizhzhia", "Zaporizhia", "Zaporozhye"),
    ("Donetsk",),
    ("Kherson",),
    ("Chernihiv", "Chernigov"),
    ("Lviv", "Lvov", "L'viv"),
)

FIRST_NAMES: tuple[tuple[str, ...], ...] = (
    ("Volodymyr", "Vladimir"),
    ("Olena", "Elena"),
    ("Oleksandr", "Alexander", "Olexander"),
    ("Mohammed", "Muhammad", "Mohamed"),
    ("Yusuf", "Youssef", "Yousef"),
    ("Maria",),
    ("Kim",),
    ("Lee",),
    ("Andriy", "Andrii", "Andrei"),
    ("Serhiy", "Serhii", "Sergei"),
    ("Ana",),
    ("Priya",),
    ("Chen",),
    ("Amara",),
    ("Jorge",),
    ("Fatima", "Fatimah"),
    ("Dmytro", "Dmitry", "Dmitri"),
    ("Yulia", "Yuliia", "Julia"),
    ("Hassan", "Hasan"),
    ("Nikolai", "Mykola"),
)

SURNAMES: tuple[tuple[str, ...], ...] = (
    ("Zelensky", "Zelenskyy", "Zelenskiy"),
    ("Shevchenko", "Shevchenco"),
    ("Tymoshenko", "Timoshenko"),
    ("Kovalenko",),
    ("Bondarenko",),
    ("Hernández", "Hernandez"),
    ("Müller", "Mueller", "Muller"),
    ("Gaddafi", "Qaddafi", "Kadafi"),
    ("Yoon", "Yun"),
    ("Park",),
    ("Tchaikovsky", "Chaikovsky"),
    ("Okafor",),
    ("Mwangi",),
    ("Sharma",),
    ("Nguyen",),
    ("Haddad",),
    ("Syrskyi", "Syrsky", "Syrskiy"),
    ("Budanov",),
    ("Al-Masri", "al-Masri", "Almasri"),
    ("Rodríguez", "Rodriguez"),
    ("Kuleba",),
    ("Podolyak", "Podoliak"),
)

TITLES = (
    "President",
    "Mayor",
    "Governor",
    "spokesperson",
    "Health Minister",
    "police chief",
    "commander",
    "regional head",
)

ORGANISATIONS: tuple[tuple[str, ...], ...] = (
    ("the World Health Organization", "the WHO", "the World Health Organization (WHO)"),
    ("the UN refugee agency", "UNHCR", "the UN refugee agency (UNHCR)"),
    ("the Red Cross", "the International Committee of the Red Cross", "the ICRC"),
    ("the interior ministry", "the Ministry of Internal Affairs", "the Interior Ministry"),
    ("the health ministry", "the Ministry of Health", "the Health Ministry"),
    ("South Korean intelligence", "South Korea's National Intelligence Service", "the NIS"),
    ("Ukrainian military intelligence", "the Main Intelligence Directorate", "the HUR"),
    ("the regional administration", "regional authorities", "local authorities"),
    ("the emergency services", "the State Emergency Service", "rescuers"),
    ("Yonhap", "the Yonhap news agency", "South Korea's Yonhap news agency"),
    ("the general staff", "the General Staff", "Ukraine's General Staff"),
    ("the DPRK", "North Korea", "the Democratic People's Republic of Korea (DPRK)"),
)

OCCUPATIONS = (
    "a teacher",
    "a nurse",
    "a shop owner",
    "a volunteer",
    "a local official",
    "a farmer",
    "a student",
    "an engineer",
    "a driver",
    "a doctor",
)

QUOTES = (
    "We have lost everything in {place}",
    "Nobody warned us about {event}",
    "The situation in {place} is getting worse every hour",
    "We will rebuild every house",
    "It was the worst night of my life",
    "We need help now, not next week",
    "There is no water and no electricity",
    "They are being finished off by their own people",
    "We are doing everything we can",
    "I have never seen anything like this in {place}",
    "Our people should not die in someone else\u2019s war",
    "The numbers are still rising",
)

BACKGROUND = (
    "Residents of {place} described scenes of chaos after {event}.",
    "The causes of {event} are still being investigated.",
    "Aid groups have appealed for calm and asked for access to {place}.",
    "{who} is expected to visit {place} later this week.",
    "It was not immediately possible to verify the reports independently.",
    "{org} did not respond to a request for comment.",
    "Photos circulating online appeared to show damage in the centre of {place}.",
    "The area has seen repeated incidents since {year}.",
    "Officials urged people to follow instructions from the emergency services.",
    "Local media reported long queues at petrol stations and shops.",
    "What happens next remains unclear.",
    "Talks between the two sides were due to resume, according to diplomats.",
    "The region is home to several major roads and a railway hub.",
    "Critics say the response to {event} came too late.",
    "{org} has previously been accused of understating figures.",
    "Schools in {place} will remain closed until further notice.",
    "Analysts say the real figures may be considerably higher.",
    "The government is expected to announce a support package.",
    "Volunteers handed out food and blankets near the main square.",
    "The events in {place} drew condemnation from neighbouring countries.",
    "{who} reportedly met with local leaders on the same day.",
    "Some of the claims could not be confirmed by other sources.",
    "Earlier reports had put the figures much lower.",
    "Why {event} spread so quickly is still being debated.",
)
