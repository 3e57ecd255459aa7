"""Actor tagging on docs: hand tokenised (blank English, no model) unless marked."""

from __future__ import annotations

from datetime import date

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from frontlines.events.actors import FACTORY, SPANS_KEY, actor_record, date_actors, tag_actors


@pytest.fixture(scope="module")
def blank() -> Language:
    return spacy.blank("en")


def _found(
    nlp: Language, text: str, when: date | None = None
) -> dict[str, tuple[str, str | None, int | None]]:
    doc = nlp(text)
    return {
        s.text: (s._.fl_actor.name, s._.fl_actor.side, s._.fl_actor.inter)
        for s in tag_actors(doc, when)
    }


# (sentence, span text, canonical name, side, inter): written in the style of wire,
# state-media, partisan and monitor reports of the conflicts the dictionary covers.
CASES = [
    # Syria
    (
        "Syrian government forces pounded Idlib province on Tuesday.",
        "Syrian government forces",
        "Military Forces of Syria (2000-2024)",
        "government",
        1,
    ),
    (
        "SAA units repelled an attack near Saraqeb, SANA reported.",
        "SAA units",
        "Military Forces of Syria (2000-2024)",
        "government",
        1,
    ),
    (
        "HTS fighters shelled positions in western Aleppo.",
        "HTS fighters",
        "Hayat Tahrir al-Sham",
        "opposition",
        2,
    ),
    (
        "Fighters from Hayat Tahrir al-Sham entered the town.",
        "Hayat Tahrir al-Sham",
        "Hayat Tahrir al-Sham",
        "opposition",
        2,
    ),
    (
        "The Kurdish-led Syrian Democratic Forces said it captured the village.",
        "Kurdish-led Syrian Democratic Forces",
        "Syrian Democratic Forces",
        "SDF",
        2,
    ),
    (
        "Turkish drones struck a YPG position near Kobani.",
        "Turkish drones",
        "Military Forces of Turkey (2002-)",
        "Turkey",
        1,
    ),
    (
        "Turkish drones struck a YPG position near Kobani.",
        "YPG",
        "People's Protection Units (YPG)",
        "SDF",
        2,
    ),
    (
        "Turkish-backed Syrian National Army factions advanced on Manbij.",
        "Turkish-backed Syrian National Army",
        "Syrian National Army",
        "opposition",
        2,
    ),
    (
        "Ahrar al-Sham and Jaysh al-Izza joined the offensive.",
        "Jaysh al-Izza",
        "Jaysh al-Izza",
        "opposition",
        2,
    ),
    (
        "The National Front for Liberation (NLF) said it shot down a drone over Idlib.",
        "National Front for Liberation",
        "National Front for Liberation",
        "opposition",
        2,
    ),
    (
        "White Helmets rescuers pulled survivors from the rubble.",
        "White Helmets",
        "Syria Civil Defence (White Helmets)",
        None,
        7,
    ),
    (
        "Russian warplanes carried out raids on Maarat al-Numan.",
        "Russian warplanes",
        "Military Forces of Russia (2000-)",
        "Russia",
        1,
    ),
    (
        "An Islamic State cell ambushed a bus in the Badia desert.",
        "Islamic State",
        "Islamic State (IS)",
        "jihadist",
        2,
    ),
    (
        "Daesh terrorists attacked a checkpoint east of Palmyra.",
        "Daesh terrorists",
        "Islamic State (IS)",
        "jihadist",
        2,
    ),
    # Iraq, Iran
    (
        "Kataib Hezbollah claimed the drone attack on the base.",
        "Kataib Hezbollah",
        "Kataib Hezbollah",
        "Axis of Resistance",
        3,
    ),
    (
        "Units of the Popular Mobilization Forces deployed to Sinjar.",
        "Popular Mobilization Forces",
        "Popular Mobilization Forces",
        "government",
        3,
    ),
    (
        "Hashd al-Shaabi fighters clashed with Islamic State remnants.",
        "Hashd al-Shaabi fighters",
        "Popular Mobilization Forces",
        "government",
        3,
    ),
    (
        "Iraqi security forces arrested three suspects in Anbar.",
        "Iraqi security forces",
        "Military Forces of Iraq (2022-)",
        "government",
        1,
    ),
    (
        "The IRGC said its navy seized a tanker in the Gulf.",
        "IRGC",
        "Islamic Revolutionary Guard Corps",
        "Iran",
        1,
    ),
    (
        "Peshmerga forces repelled an attack near Makhmour in Iraq.",
        "Peshmerga forces",
        "Peshmerga (Kurdistan Regional Government)",
        "KRG",
        1,
    ),
    (
        "US-led coalition aircraft struck targets in Deir ez-Zor.",
        "US-led coalition",
        "US-led Coalition (Operation Inherent Resolve)",
        "US-led coalition",
        8,
    ),
    # Ukraine, Russia
    (
        "Russian forces shelled Kharkiv overnight, the governor said.",
        "Russian forces",
        "Military Forces of Russia (2000-)",
        "Russia",
        1,
    ),
    (
        "Ukrainian soldiers repelled assaults near Bakhmut.",
        "Ukrainian soldiers",
        "Military Forces of Ukraine (2019-)",
        "Ukraine",
        1,
    ),
    (
        "The AFU lost up to 40 servicemen in the Kupiansk direction.",
        "AFU",
        "Military Forces of Ukraine (2019-)",
        "Ukraine",
        1,
    ),
    (
        "The Kiev regime shelled Donetsk with NATO-supplied rockets.",
        "Kiev regime",
        "Military Forces of Ukraine (2019-)",
        "Ukraine",
        1,
    ),
    (
        "Wagner mercenaries stormed the outskirts of the town.",
        "Wagner mercenaries",
        "Wagner Group",
        "Russia",
        8,
    ),
    ("Fighters of the Azov Brigade held the plant.", "Azov Brigade", "Azov Brigade", "Ukraine", 1),
    (
        "Belarusian troops held drills near the border.",
        "Belarusian troops",
        "Military Forces of Belarus (1994-)",
        "Belarus",
        1,
    ),
    (
        "The Russian Volunteer Corps claimed a raid into Belgorod region.",
        "Russian Volunteer Corps",
        "Russian Volunteer Corps",
        "Ukraine",
        2,
    ),
    # Israel, Palestine, Lebanon
    (
        "Hamas said Israeli troops opened fire on the crowd.",
        "Hamas",
        "Hamas Movement",
        "Palestinian armed groups",
        2,
    ),
    (
        "Hamas said Israeli troops opened fire on the crowd.",
        "Israeli troops",
        "Military Forces of Israel (2022-)",
        "Israel",
        1,
    ),
    (
        "The IDF said it struck a weapons depot in Rafah.",
        "IDF",
        "Military Forces of Israel (2022-)",
        "Israel",
        1,
    ),
    (
        "The Qassam Brigades fired a barrage of rockets at Ashkelon.",
        "Qassam Brigades",
        "Izz al-Din al-Qassam Brigades",
        "Palestinian armed groups",
        2,
    ),
    (
        "Palestinian Islamic Jihad said two of its commanders were killed.",
        "Palestinian Islamic Jihad",
        "Palestinian Islamic Jihad",
        "Palestinian armed groups",
        2,
    ),
    (
        "Israeli settlers torched cars in the village of Huwara.",
        "Israeli settlers",
        "Settlers (Israel)",
        "Israel",
        4,
    ),
    (
        "Hizbollah fighters fired anti-tank missiles at Metula.",
        "Hizbollah fighters",
        "Hezbollah",
        "Axis of Resistance",
        2,
    ),
    (
        "Lebanon's Hezbollah said it targeted an army post.",
        "Lebanon's Hezbollah",
        "Hezbollah",
        "Axis of Resistance",
        2,
    ),
    (
        "UNIFIL peacekeepers reported tank fire near their post.",
        "UNIFIL peacekeepers",
        "United Nations Interim Force in Lebanon (UNIFIL)",
        "United Nations",
        8,
    ),
    # Yemen, Red Sea
    (
        "Yemen's Houthi rebels fired a missile at a merchant ship.",
        "Yemen's Houthi rebels",
        "Houthi Movement",
        "Houthis",
        2,
    ),
    (
        "Ansar Allah said its forces targeted a vessel in the Red Sea.",
        "Ansar Allah",
        "Houthi Movement",
        "Houthis",
        2,
    ),
    (
        "AQAP militants attacked a checkpoint in Abyan.",
        "AQAP militants",
        "Al-Qaeda in the Arabian Peninsula",
        "jihadist",
        2,
    ),
    (
        "The Saudi-led coalition said it intercepted a drone.",
        "Saudi-led coalition",
        "Saudi-led Coalition",
        "Saudi-led coalition",
        8,
    ),
    (
        "The Royal Navy destroyer shot down several drones.",
        "Royal Navy",
        "Military Forces of the United Kingdom",
        "United Kingdom",
        1,
    ),
    # Sudan, Ethiopia, Somalia
    (
        "The Sudanese army launched air strikes on RSF positions in Omdurman.",
        "Sudanese army",
        "Military Forces of Sudan (2019-)",
        "SAF",
        1,
    ),
    (
        "The Sudanese army launched air strikes on RSF positions in Omdurman.",
        "RSF",
        "Rapid Support Forces",
        "RSF",
        2,
    ),
    (
        "The Rapid Support Forces stormed El Fasher on Sunday.",
        "Rapid Support Forces",
        "Rapid Support Forces",
        "RSF",
        2,
    ),
    (
        "The SAF said it recaptured the Khartoum refinery from the RSF.",
        "SAF",
        "Military Forces of Sudan (2019-)",
        "SAF",
        1,
    ),
    ("Fano militiamen took control of Lalibela.", "Fano militiamen", "Fano Militia", "Fano", 4),
    (
        "The TPLF accused the ENDF of shelling Mekelle.",
        "ENDF",
        "Military Forces of Ethiopia (2018-)",
        "government",
        1,
    ),
    (
        "The TPLF accused the ENDF of shelling Mekelle.",
        "TPLF",
        "Tigray People's Liberation Front",
        "TPLF",
        2,
    ),
    (
        "Al-Shabaab fighters overran a base in Middle Shabelle.",
        "Al-Shabaab fighters",
        "Al Shabaab",
        "jihadist",
        2,
    ),
    (
        "ATMIS troops handed the base to Somali forces.",
        "Somali forces",
        "Military Forces of Somalia (2022-)",
        "government",
        1,
    ),
    # Sahel, Nigeria, Lake Chad
    (
        "JNIM claimed the attack on the Malian army camp.",
        "JNIM",
        "Jama'at Nasr al-Islam wal Muslimin",
        "jihadist",
        2,
    ),
    (
        "JNIM claimed the attack on the Malian army camp.",
        "Malian army",
        "Military Forces of Mali (2021-)",
        "government",
        1,
    ),
    (
        "FAMa and Russian forces killed dozens near Moura.",
        "FAMa",
        "Military Forces of Mali (2021-)",
        "government",
        1,
    ),
    (
        "ISWAP insurgents overran a military base in Borno.",
        "ISWAP insurgents",
        "Islamic State West Africa Province",
        "jihadist",
        2,
    ),
    (
        "Boko Haram abducted 30 farmers near Maiduguri.",
        "Boko Haram",
        "Boko Haram - Jamatu Ahli is-Sunnah lid-Dawati wal-Jihad",
        "jihadist",
        2,
    ),
    (
        "Nigerian troops rescued 20 kidnapped students.",
        "Nigerian troops",
        "Military Forces of Nigeria (2023-)",
        "government",
        1,
    ),
    (
        "VDP auxiliaries were killed in an ambush in Burkina Faso.",
        "VDP auxiliaries",
        "Volunteers for the Defense of the Homeland (VDP)",
        "government",
        3,
    ),
    # DR Congo, Mozambique, Libya
    (
        "M23 rebels seized the town of Rubaya from the FARDC.",
        "M23 rebels",
        "M23: March 23 Movement",
        "M23",
        2,
    ),
    (
        "M23 rebels seized the town of Rubaya from the FARDC.",
        "FARDC",
        "Military Forces of the Democratic Republic of Congo (2019-)",
        "government",
        1,
    ),
    (
        "ADF rebels killed 40 villagers near Beni.",
        "ADF rebels",
        "Allied Democratic Forces (ADF)",
        "jihadist",
        2,
    ),
    (
        "CODECO militiamen attacked a displacement camp in Ituri.",
        "CODECO militiamen",
        "CODECO: Cooperative for the Development of Congo",
        None,
        4,
    ),
    (
        "MONUSCO peacekeepers evacuated civilians from the area.",
        "MONUSCO",
        "MONUSCO",
        "United Nations",
        8,
    ),
    (
        "Insurgents in Cabo Delgado, locally known as al-Shabaab, raided Macomia.",
        "al-Shabaab",
        "Islamic State (Mozambique)",
        "jihadist",
        2,
    ),
    (
        "Haftar's forces shelled southern Tripoli.",
        "Haftar's forces",
        "Libyan National Army (Haftar)",
        "LNA",
        1,
    ),
    # Myanmar, Afghanistan, Pakistan
    (
        "The Tatmadaw bombed a village in Sagaing region.",
        "Tatmadaw",
        "Military Forces of Myanmar (2021-)",
        "government",
        1,
    ),
    (
        "The Arakan Army (AA) captured a junta base in Rakhine.",
        "Arakan Army",
        "Arakan Army",
        "Three Brotherhood Alliance",
        2,
    ),
    (
        "The AA said the junta shelled Paletwa in Myanmar.",
        "AA",
        "Arakan Army",
        "Three Brotherhood Alliance",
        2,
    ),
    (
        "Local PDF units ambushed a junta convoy in Myanmar's Magway region.",
        "Local PDF units",
        "People's Defence Force (PDF)",
        "NUG",
        2,
    ),
    (
        "TTP militants attacked a police station in Bannu.",
        "TTP militants",
        "Tehrik-i-Taliban Pakistan",
        "jihadist",
        2,
    ),
    (
        "The Pakistani Taliban claimed the bombing.",
        "Pakistani Taliban",
        "Tehrik-i-Taliban Pakistan",
        "jihadist",
        2,
    ),
    (
        "ISKP claimed a suicide bombing in Kabul.",
        "ISKP",
        "Islamic State Khorasan Province",
        "jihadist",
        2,
    ),
    # Caucasus, Americas
    (
        "Azerbaijani forces shelled Armenian positions near Jermuk.",
        "Azerbaijani forces",
        "Military Forces of Azerbaijan (2003-)",
        "Azerbaijan",
        1,
    ),
    (
        "ELN guerrillas clashed with FARC dissidents in Catatumbo.",
        "ELN guerrillas",
        "National Liberation Army (ELN)",
        "ELN",
        2,
    ),
    (
        "ELN guerrillas clashed with FARC dissidents in Catatumbo.",
        "FARC dissidents",
        "FARC Dissidents",
        "FARC dissidents",
        2,
    ),
    # generic phrases
    (
        "Unidentified gunmen killed three villagers in Zamfara.",
        "Unidentified gunmen",
        "Unidentified Armed Group",
        None,
        3,
    ),
    ("Unidentified gunmen killed three villagers in Zamfara.", "villagers", "Civilians", None, 7),
    ("Police fired tear gas at protesters in the capital.", "protesters", "Protesters", None, 6),
    ("Police fired tear gas at protesters in the capital.", "Police", "Police Forces", None, 1),
    ("An angry mob set fire to the police post.", "angry mob", "Rioters", None, 5),
    (
        "Terrorists shelled residential areas of the city, the ministry said.",
        "Terrorists",
        "Militants",
        None,
        2,
    ),
    (
        "Pro-government forces regained the hill.",
        "Pro-government forces",
        "Pro-Government Militia",
        "government",
        3,
    ),
    (
        "Syrian rebels said they repelled the assault.",
        "Syrian rebels",
        "Rebel Forces (Syria)",
        "opposition",
        2,
    ),
]


@pytest.mark.parametrize(("text", "span", "name", "side", "inter"), CASES)
def test_tag(
    blank: Language, text: str, span: str, name: str, side: str | None, inter: int
) -> None:
    found = _found(blank, text)
    assert span in found, found
    assert found[span] == (name, side, inter)


# (sentence, words that must not be tagged as any actor)
NEGATIVES = [
    ("He led an army of volunteers to clean the beach.", "army"),
    ("Is it true that the talks failed?", "Is"),
    ("Download the PDF file from the ministry website.", "PDF"),
    ("The report was published by AFP on Monday.", "AFP"),
    ("Shells hit rebel-held areas of the city.", "rebel"),
    ("The Hamas-run health ministry gave the toll.", "Hamas"),
    ("The SAF recorded a new training budget in Singapore.", "SAF"),
    ("The coalition government collapsed in Berlin.", "coalition"),
    ("Drones were seen over the airport.", "Drones"),
    ("IS IT TRUE? HEADLINE IN CAPITALS.", "IS"),
]


@pytest.mark.parametrize(("text", "word"), NEGATIVES)
def test_not_tagged(blank: Language, text: str, word: str) -> None:
    assert not any(word in s for s in _found(blank, text)), _found(blank, text)


@pytest.mark.parametrize(
    ("text", "when", "span", "name"),
    [
        (
            "Nusra fighters attacked the village.",
            date(2014, 5, 1),
            "Nusra fighters",
            "Jabhat al-Nusra",
        ),
        (
            "Nusra fighters attacked the village.",
            date(2019, 5, 1),
            "Nusra fighters",
            "Hayat Tahrir al-Sham",
        ),
        (
            "Syrian army units entered Homs.",
            date(2018, 1, 1),
            "Syrian army units",
            "Military Forces of Syria (2000-2024)",
        ),
        (
            "Syrian army units entered Homs.",
            date(2025, 2, 1),
            "Syrian army units",
            "Military Forces of Syria (2024-)",
        ),
        ("Taliban fighters took Kunduz.", date(2016, 1, 1), "Taliban fighters", "Taliban"),
        (
            "Taliban fighters clashed with Pakistani troops.",
            date(2024, 1, 1),
            "Taliban fighters",
            "Military Forces of Afghanistan (2021-)",
        ),
        ("AMISOM troops repelled the attack.", date(2023, 6, 1), "AMISOM troops", "ATMIS"),
    ],
)
def test_date_range(blank: Language, text: str, when: date, span: str, name: str) -> None:
    assert _found(blank, text, when)[span][0] == name


def test_context_picks_between_shared_aliases(blank: Language) -> None:
    syria = _found(blank, "Kurdish forces took Raqqa from IS, Syria monitors said.")
    iraq = _found(blank, "Kurdish forces moved towards Kirkuk in northern Iraq.")
    assert syria["Kurdish forces"][0] == "Syrian Democratic Forces"
    assert iraq["Kurdish forces"][0] == "Peshmerga (Kurdistan Regional Government)"


def test_loaded_label_is_flagged(blank: Language) -> None:
    spans = {
        s.text: s
        for s in tag_actors(blank("The Kiev regime shelled Donetsk, and Russian troops advanced."))
    }
    assert spans["Kiev regime"]._.fl_actor_loaded is True
    assert spans["Russian troops"]._.fl_actor_loaded is False
    spans = {s.text: s for s in tag_actors(blank("Israeli occupation forces raided Jenin."))}
    assert spans["Israeli occupation forces"]._.fl_actor_loaded is True


def test_longest_match_wins(blank: Language) -> None:
    found = _found(blank, "Islamic State West Africa Province fighters attacked Monguno.")
    assert list(found) == ["Islamic State West Africa Province fighters"]


def test_component_writes_span_group(blank: Language) -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe(FACTORY)
    doc = nlp("Russian troops and Wagner fighters advanced on Bakhmut.")
    spans = doc.spans[SPANS_KEY]
    assert [(s.text, s.label_) for s in spans] == [
        ("Russian troops", "mil_ru"),
        ("Wagner fighters", "wagner"),
    ]
    record = actor_record(spans[1], "actor1", offset=100)
    assert (record.name, record.inter, record.start) == (
        "Wagner Group",
        8,
        100 + spans[1].start_char,
    )


def test_date_actors_resettles_after_pipe(blank: Language) -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe(FACTORY)
    doc = nlp("Nusra fighters attacked the village.")
    assert doc.spans[SPANS_KEY][0]._.fl_actor.name == "Jabhat al-Nusra"
    date_actors(doc, date(2019, 5, 1))
    assert doc.spans[SPANS_KEY][0]._.fl_actor.name == "Hayat Tahrir al-Sham"
    assert doc.spans[SPANS_KEY][0].label_ == "hts"


def test_hand_built_doc(blank: Language) -> None:
    doc = Doc(blank.vocab, words=["Houthi", "rebels", "fired", "at", "US", "warships"])
    assert [(s.text, s._.fl_actor.id) for s in tag_actors(doc)] == [
        ("Houthi rebels", "houthis"),
        ("US warships", "mil_us_2021"),
    ]


@pytest.fixture(scope="module")
def model() -> Language:
    from frontlines.nlp import shared_model

    return shared_model()


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        (
            "A rebel commander said the military operation would continue.",
            ["rebel"],
            ["military"],
        ),
        ("Pro-Palestinian demonstrators marched in London.", ["Pro-Palestinian demonstrators"], []),
        ("Russia launched 40 missiles at Kyiv overnight.", ["Russia"], []),
        (
            "Fighting in Russia has escalated and Ukraine is a large country.",
            [],
            ["Russia", "Ukraine"],
        ),
        ("An IED hit a police patrol as junta soldiers passed.", ["police", "junta soldiers"], []),
        ("Civilian casualties rose as soldiers stormed the town.", ["soldiers"], ["Civilian"]),
        ("The Central Military Media said troops advanced.", ["troops"], ["Military"]),
        (
            "Amal fighters and Hezbollah members clashed in Beirut.",
            ["Amal fighters", "Hezbollah members"],
            [],
        ),
    ],
)
def test_with_model(model: Language, text: str, present: list[str], absent: list[str]) -> None:
    found = {s.text for s in tag_actors(model(text))}
    for word in present:
        assert word in found, found
    for word in absent:
        assert word not in found, found


def test_country_subject_is_its_state(model: Language) -> None:
    spans = {
        s.text: s._.fl_actor.name
        for s in tag_actors(model("Israel said it struck Hezbollah targets."))
    }
    assert spans["Israel"] == "Government of Israel"
    spans = {
        s.text: s._.fl_actor.name for s in tag_actors(model("The US has deployed two carriers."))
    }
    assert spans["US"].startswith("Military Forces of the United States")
