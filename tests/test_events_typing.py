"""Event detection and ACLED typing over sentences written in the style of wire,
state-media, monitor and ACLED-note reports (our own sentences; one model load)."""

from __future__ import annotations

import pytest

from frontlines.events.rules import SUB_EVENT_TYPES
from frontlines.pipeline import extract_texts

# (sentence, expected ACLED sub-event type of its main event)
TYPED = [
    (
        "On 12 March 2020, Syrian regime forces shelled the outskirts of Kafr Nabl in southern Idlib. No fatalities reported.",
        "Shelling/artillery/missile attack",
    ),
    (
        "Around 20 demonstrators gathered in front of the governorate building in Sweida to protest deteriorating living conditions.",
        "Peaceful protest",
    ),
    ("Unidentified gunmen shot and killed a civilian man in Daraa al-Balad.", "Attack"),
    ("Russian forces shot down a Ukrainian Su-25 over Donetsk oblast.", "Armed clash"),
    ("Police arrested 15 protesters in Khartoum.", "Protest with intervention"),
    ("HTS and NLF fighters clashed with regime forces near Saraqeb; 12 killed.", "Armed clash"),
    (
        "Russian warplanes carried out several air strikes on the town of Maarat al-Numan, killing 7 civilians.",
        "Air/drone strike",
    ),
    (
        "A roadside bomb exploded near a military patrol in Dhi Qar, wounding two soldiers.",
        "Remote explosive/landmine/IED",
    ),
    (
        "A suicide bomber blew himself up at a checkpoint in Kabul, killing four policemen.",
        "Suicide bomb",
    ),
    (
        "Unknown assailants threw a hand grenade at a shop in Bujumbura, injuring three people.",
        "Grenade",
    ),
    ("Activists reported a chlorine attack on the village of Kafr Zita.", "Chemical weapon"),
    (
        "Ukrainian air defences intercepted two Russian cruise missiles over Kyiv oblast.",
        "Disrupted weapons use",
    ),
    (
        "Security forces defused an IED planted on the road between Daraa and Tafas.",
        "Disrupted weapons use",
    ),
    (
        "The Syrian army regained control of the town of Khan Shaykhun after heavy fighting.",
        "Government regains territory",
    ),
    (
        "Islamic State militants captured the village of Al-Bab from Kurdish forces.",
        "Non-state actor overtakes territory",
    ),
    (
        "Al-Shabaab fighters took control of the town of Bulo Burde after government troops withdrew.",
        "Non-state actor overtakes territory",
    ),
    (
        "Government troops withdrew from the town and handed it over to local militia without a fight.",
        "Non-violent transfer of territory",
    ),
    ("Gunmen abducted six aid workers in Borno state.", "Abduction/forced disappearance"),
    ("Soldiers raped two women in a village near Minova.", "Sexual violence"),
    (
        "Riot police fired tear gas to disperse hundreds of protesters in Algiers.",
        "Protest with intervention",
    ),
    (
        "Security forces opened fire on demonstrators in Baghdad, killing five protesters.",
        "Excessive force against protesters",
    ),
    ("Protesters threw stones at police and set tyres ablaze in Beirut.", "Violent demonstration"),
    ("A mob lynched a man accused of theft in Kano.", "Mob violence"),
    ("The warring parties signed a ceasefire agreement in Khartoum.", "Agreement"),
    ("The government and rebels completed a prisoner exchange in Taiz.", "Agreement"),
    ("Two rebel factions announced their merger into a new coalition.", "Change to group/activity"),
    (
        "Turkish forces established a new military base near Tal Tamr.",
        "Headquarters or base established",
    ),
    ("Militiamen looted shops and torched houses in the village.", "Looting/property destruction"),
    ("Turkey deployed tanks and armored vehicles in Idlib.", "Other"),
    ("Reinforcements arrived at the front near Bakhmut.", "Other"),
    ("Israeli strikes on Gaza killed 20 people.", "Air/drone strike"),
    ("A drone strike killed a senior al-Qaeda commander in Marib.", "Air/drone strike"),
    ("Rebels ambushed an army convoy near Beni, killing 10 soldiers.", "Armed clash"),
    ("Police shot dead three protesters in Mandalay.", "Excessive force against protesters"),
    ("The bodies of two men bearing gunshot wounds were found in Deir ez-Zor.", "Attack"),
    ("The militants executed five civilians in the town square.", "Attack"),
    ("Boko Haram insurgents attacked a military base in Borno.", "Armed clash"),
    (
        "A landmine explosion killed two shepherds in Hama countryside.",
        "Remote explosive/landmine/IED",
    ),
    (
        "Russian missiles hit an apartment building in Dnipro, killing 40 people.",
        "Shelling/artillery/missile attack",
    ),
    ("Workers went on strike in Lagos to demand higher wages.", "Peaceful protest"),
    ("Hundreds of people took to the streets of Idlib to denounce the regime.", "Peaceful protest"),
    ("Security forces arrested three suspected ISIS members in Raqqa.", "Arrests"),
    ("A car bomb went off in a market in Azaz, killing 12.", "Remote explosive/landmine/IED"),
    (
        "The YPG handed over control of Manbij to regime forces.",
        "Non-violent transfer of territory",
    ),
    (
        "Syrian Arab Army units repelled an attack by terrorist groups on military points in the countryside of Hama, killing several terrorists.",
        "Armed clash",
    ),
    (
        "Units of the army clashed with ISIS remnants in the Badia, killing and injuring many of them.",
        "Armed clash",
    ),
    (
        "Fierce clashes erupted between Turkish-backed factions and the SDF near Ain Issa.",
        "Armed clash",
    ),
    ("Regime helicopters dropped barrel bombs on the town of Darayya.", "Air/drone strike"),
    ("Coalition aircraft struck ISIS positions near Hajin, the Pentagon said.", "Air/drone strike"),
    (
        "The Israeli army carried out a drone strike on a car in Quneitra, killing two Hezbollah members.",
        "Air/drone strike",
    ),
    (
        "Opposition factions targeted regime positions in Jurin with Grad rockets.",
        "Shelling/artillery/missile attack",
    ),
    (
        "Terrorists fired mortar shells at residential neighborhoods in Aleppo city, injuring 5 civilians.",
        "Shelling/artillery/missile attack",
    ),
    (
        "Ukrainian forces shelled Donetsk city overnight, the local administration said.",
        "Shelling/artillery/missile attack",
    ),
    (
        "An explosive device planted in a car detonated in the city of Afrin, killing three people.",
        "Remote explosive/landmine/IED",
    ),
    (
        "A child was killed when a landmine left over by ISIS exploded in the countryside of Deir ez-Zor.",
        "Remote explosive/landmine/IED",
    ),
    ("A suicide car bomb struck a military checkpoint near Mogadishu.", "Suicide bomb"),
    ("A man on a motorcycle threw a grenade at a police station in Srinagar.", "Grenade"),
    ("The OPCW confirmed that sarin was used in Khan Shaykhun.", "Chemical weapon"),
    ("Air defenses downed three Bayraktar drones over Luhansk.", "Disrupted weapons use"),
    (
        "The Russian Defence Ministry said its air defence systems destroyed 12 Ukrainian drones over Belgorod region.",
        "Disrupted weapons use",
    ),
    ("Security forces seized a large weapons cache in a farm near Tafas.", "Disrupted weapons use"),
    (
        "Government forces recaptured the town of Palmyra from Islamic State.",
        "Government regains territory",
    ),
    (
        "The Syrian army liberated the town of Maaret al-Numan from terrorists.",
        "Government regains territory",
    ),
    (
        "Russian troops captured the village of Krasnohorivka, the Defence Ministry said.",
        "Government regains territory",
    ),
    (
        "Houthi fighters seized control of the district center in Marib.",
        "Non-state actor overtakes territory",
    ),
    ("The town of Kunduz fell to the Taliban on Sunday.", "Non-state actor overtakes territory"),
    (
        "Jihadists overran an army post in northern Burkina Faso.",
        "Non-state actor overtakes territory",
    ),
    ("Armed men kidnapped a local chief in Zamfara state.", "Abduction/forced disappearance"),
    (
        "The rights group documented the enforced disappearance of two activists in Hama.",
        "Abduction/forced disappearance",
    ),
    ("Militiamen sexually assaulted a woman at a checkpoint.", "Sexual violence"),
    ("ISIS militants beheaded two shepherds in the Hama desert.", "Attack"),
    ("Gunmen killed four farmers in Plateau state.", "Attack"),
    ("Settlers attacked Palestinian farmers near Nablus and destroyed olive trees.", "Attack"),
    ("A civilian was shot dead by a sniper in Daraa.", "Attack"),
    (
        "Dozens of students staged a sit-in in front of the university in Khartoum.",
        "Peaceful protest",
    ),
    ("Residents of Jaramana rallied to demand the release of detainees.", "Peaceful protest"),
    ("Thousands marched in Kyiv in support of the army.", "Peaceful protest"),
    (
        "Police used water cannon against demonstrators in Tbilisi and detained 20 people.",
        "Protest with intervention",
    ),
    (
        "Security forces killed two protesters when they opened fire with live ammunition in Basra.",
        "Excessive force against protesters",
    ),
    (
        "Angry demonstrators stormed the government building and set it on fire.",
        "Violent demonstration",
    ),
    ("Rioters torched cars and looted shops in the city center.", "Violent demonstration"),
    ("Residents beat to death a suspected kidnapper in Goma.", "Mob violence"),
    ("The Taliban and the United States signed a peace agreement in Doha.", "Agreement"),
    ("Russia and Turkey agreed on a ceasefire in Idlib starting at midnight.", "Agreement"),
    ("A truce between the army and armed groups in Daraa took effect on Monday.", "Agreement"),
    ("Police detained a journalist at Damascus airport.", "Arrests"),
    ("Turkish police detained 25 people suspected of links to ISIS in Istanbul.", "Arrests"),
    (
        "Jaish al-Islam appointed a new commander after the death of Zahran Alloush.",
        "Change to group/activity",
    ),
    (
        "Several factions in Idlib merged to form the National Liberation Front.",
        "Change to group/activity",
    ),
    (
        "Dozens of fighters defected from the Free Syrian Army and joined HTS.",
        "Change to group/activity",
    ),
    (
        "Russian military police set up an observation post near Saraqeb.",
        "Headquarters or base established",
    ),
    (
        "Militants set fire to houses in the village after looting them.",
        "Looting/property destruction",
    ),
    (
        "Israeli bulldozers demolished two Palestinian homes in East Jerusalem.",
        "Looting/property destruction",
    ),
    (
        "Rebel fighters withdrew from the town under a Russian-brokered deal and the army entered it.",
        "Non-violent transfer of territory",
    ),
    ("The United States sent 2,000 additional troops to the region.", "Other"),
    (
        "A Turkish military convoy of 50 vehicles entered Idlib through the Kafr Lusin crossing.",
        "Other",
    ),
    ("Authorities imposed a curfew in the city after the unrest.", "Other"),
    (
        "On 3 May 2021, Tatmadaw troops clashed with the KIA near Hpakant township. Fatalities unknown.",
        "Armed clash",
    ),
    (
        "On 14 June 2019, unidentified armed men attacked a village in Mopti region, killing 12 civilians.",
        "Attack",
    ),
    (
        "On 2 February 2022, Russian forces fired artillery at Ukrainian positions near Avdiivka. No casualties reported.",
        "Shelling/artillery/missile attack",
    ),
    (
        "On 9 October 2020, around 200 people held a demonstration in Bishkek against the election results.",
        "Peaceful protest",
    ),
    (
        "On 22 August 2018, police dispersed a protest by teachers in Harare using tear gas.",
        "Protest with intervention",
    ),
    (
        "On 11 April 2019, security forces shot and killed four demonstrators during a protest in Khartoum.",
        "Excessive force against protesters",
    ),
    ("On 30 July 2020, rioters burned a police station in Kenosha.", "Violent demonstration"),
    (
        "On 5 January 2021, a mob attacked and killed two men suspected of witchcraft in Kasai.",
        "Mob violence",
    ),
    (
        "On 17 March 2020, the Houthis and the Saudi-led coalition agreed to exchange prisoners.",
        "Agreement",
    ),
    (
        "On 8 September 2019, police arrested the leader of an opposition party in Kampala.",
        "Arrests",
    ),
    (
        "On 20 November 2020, TPLF forces withdrew from Axum and federal troops entered the town unopposed.",
        "Non-violent transfer of territory",
    ),
    (
        "On 1 March 2021, Israeli forces demolished a Palestinian home in Hebron.",
        "Looting/property destruction",
    ),
    (
        "On 26 June 2020, a US drone strike killed a senior Al Shabaab commander near Jilib.",
        "Air/drone strike",
    ),
    (
        "On 15 July 2019, an IED struck a Malian army vehicle near Boni, killing three soldiers.",
        "Remote explosive/landmine/IED",
    ),
    (
        "On 4 April 2017, a chemical attack on Khan Shaykhun killed dozens of civilians.",
        "Chemical weapon",
    ),
    (
        "On 10 May 2018, a suicide bomber detonated an explosive vest at a mosque in Mubi.",
        "Suicide bomb",
    ),
    (
        "On 6 August 2019, a grenade was thrown into a bar in Kampala, wounding several people.",
        "Grenade",
    ),
    (
        "On 13 December 2019, Ukrainian forces reported that separatists fired at their positions near Zolote with small arms.",
        "Armed clash",
    ),
    (
        "On 19 January 2021, Al-Shabaab militants took control of the town of Bacadweyne after government forces left.",
        "Non-state actor overtakes territory",
    ),
    (
        "On 25 February 2020, Syrian regime forces recaptured the town of Kafr Nabl from opposition fighters.",
        "Government regains territory",
    ),
    (
        "On 12 May 2022, Ukrainian air defence shot down a Russian Orlan-10 drone over Kharkiv.",
        "Disrupted weapons use",
    ),
    (
        "On 3 March 2018, police in Nairobi found and defused an explosive device near a church.",
        "Disrupted weapons use",
    ),
    (
        "On 7 July 2019, gunmen kidnapped 10 passengers travelling on the Abuja-Kaduna highway.",
        "Abduction/forced disappearance",
    ),
    ("On 21 September 2018, a woman was raped by soldiers in Bunia.", "Sexual violence"),
    (
        "On 2 April 2021, the Arakan Army announced the establishment of a new headquarters in Paletwa.",
        "Headquarters or base established",
    ),
    (
        "On 18 October 2019, two factions of the FSA merged under a new name.",
        "Change to group/activity",
    ),
    ("On 30 June 2022, Russian troops redeployed additional units to the Kherson region.", "Other"),
    (
        "On 16 August 2021, Taliban fighters entered Kabul after the government collapsed.",
        "Non-state actor overtakes territory",
    ),
    (
        "On 9 May 2019, militiamen burned down dozens of houses in the village of Sobane.",
        "Looting/property destruction",
    ),
    (
        "On 27 April 2020, Boko Haram fighters stole livestock from herders near Monguno.",
        "Looting/property destruction",
    ),
    ("On 14 February 2019, AQAP fighters ambushed a Security Belt patrol in Abyan.", "Armed clash"),
    ("On 3 November 2020, fighting between TPLF and ENDF broke out in Mekelle.", "Armed clash"),
    (
        "On 22 May 2021, the Israeli air force carried out strikes on Hamas targets in Gaza.",
        "Air/drone strike",
    ),
    (
        "On 8 January 2020, Iran fired ballistic missiles at US bases in Iraq.",
        "Shelling/artillery/missile attack",
    ),
    (
        "On 5 March 2022, Ukrainian forces struck a Russian column with Bayraktar drones near Kyiv.",
        "Air/drone strike",
    ),
    (
        "On 19 March 2021, soldiers fired live rounds at protesters in Mandalay, killing two.",
        "Excessive force against protesters",
    ),
    (
        "On 24 September 2019, students staged a peaceful march in Algiers to demand political change.",
        "Peaceful protest",
    ),
    (
        "On 11 January 2022, protesters clashed with police in Almaty and set government buildings on fire.",
        "Violent demonstration",
    ),
    (
        "On 4 October 2021, police arrested 30 demonstrators during a rally in Minsk.",
        "Protest with intervention",
    ),
    ("On 15 April 2023, fighting erupted between the SAF and RSF in Khartoum.", "Armed clash"),
    ("On 2 June 2021, JNIM militants killed a shepherd near Djibo.", "Attack"),
    ("On 20 August 2020, unidentified gunmen assassinated a local official in Daraa.", "Attack"),
    ("On 10 September 2020, police officers beat a detainee to death in Bogota.", "Attack"),
    (
        "On 26 May 2021, Colombian police used excessive force against protesters in Cali, killing three.",
        "Excessive force against protesters",
    ),
    ("On 29 August 2021, a US drone strike in Kabul killed 10 civilians.", "Air/drone strike"),
    (
        "On 6 April 2022, Russian forces withdrew from Chernihiv oblast.",
        "Non-violent transfer of territory",
    ),
    (
        "On 13 October 2019, Kurdish forces handed over positions in Manbij to the Syrian army.",
        "Non-violent transfer of territory",
    ),
    ("On 7 February 2021, Al Shabaab detained a group of traders in Jilib.", "Arrests"),
    (
        "On 5 July 2022, Ukrainian forces reported that Russian forces launched missile strikes on Kramatorsk.",
        "Shelling/artillery/missile attack",
    ),
    (
        "On 3 April 2022, the bodies of civilians with signs of execution were found in Bucha.",
        "Attack",
    ),
]
# Sentences that hold no conflict event (non-conflict news, negated, hypothetical).
NO_EVENT = [
    "The national team won the championship after a dramatic match.",
    "Parliament approved the new budget on Tuesday.",
    "The rebels did not attack the town.",
    "The army could launch an offensive in the coming weeks.",
    "The stock market crashed after the announcement.",
    "Ukrainian forces did not advance in the area, the ministry said.",
    "Talks on a ceasefire are expected to resume next week.",
    "The team's attack was blunted by a solid defence in the second half.",
    "Oil prices rose sharply on Monday.",
    "He was elected president with 60 percent of the vote.",
    "The opposition called for a ceasefire to allow aid deliveries.",
    "The company announced the formation of a new board.",
    "Voters went to the polls on Sunday.",
    "The president will visit the region next week.",
    "The central bank raised interest rates by half a point.",
    "Aid agencies delivered food to 20,000 displaced people in Marib.",
    "The UN envoy held talks with the government in Damascus.",
    "The ministry said no civilians were harmed.",
    "Heavy rains killed 12 people in the region.",
    "The football club signed a new striker for the season.",
]
# (sentence, sub-event type, modality): kept as events, with the modality set.
MODAL = [
    ("Syria denies using chemical weapons.", "Chemical weapon", "denied"),
    ("Rebels threatened to attack the city if the army did not withdraw.", "Armed clash", "future"),
    (
        "The army denied reports that it had shelled the village.",
        "Shelling/artillery/missile attack",
        "denied",
    ),
]


@pytest.fixture(scope="session")
def results() -> dict[str, list]:
    texts = [t for t, _ in TYPED] + NO_EVENT + [t for t, _, _ in MODAL]
    return dict(zip(texts, extract_texts(texts), strict=True))


def test_tables_cover_every_sub_event_type():
    assert {e for _, e in TYPED} == set(SUB_EVENT_TYPES)


@pytest.mark.parametrize(("text", "expected"), TYPED)
def test_sub_event_type(results, text, expected):
    events = results[text]
    assert events, "no event found"
    assert events[0].sub_event_type == expected
    assert events[0].event_type == SUB_EVENT_TYPES[expected]


@pytest.mark.parametrize("text", NO_EVENT)
def test_no_event(results, text):
    assert [e.sub_event_type for e in results[text]] == []


@pytest.mark.parametrize(("text", "expected", "modality"), MODAL)
def test_modality(results, text, expected, modality):
    events = results[text]
    assert events and events[0].sub_event_type == expected
    assert events[0].claim is not None and events[0].claim.modality == modality


def test_asserted_events_carry_no_claim(results):
    # Attribution is the claims stage's job; typing leaves asserted events unclaimed.
    assert all(e.claim is None for t, _ in TYPED for e in results[t])


def test_macro_f1_on_the_development_tables(results):
    """A floor on our own tables, so a rule change that breaks typing shows up."""
    from frontlines.eval.common import ClassScores

    scores = ClassScores()
    for text, expected in TYPED:
        events = results[text]
        scores.add_pair(expected, events[0].sub_event_type if events else None)
    for text in NO_EVENT:
        events = results[text]
        scores.add_pair(None, events[0].sub_event_type if events else None)
    assert scores.macro_f1(SUB_EVENT_TYPES) >= 0.9


@pytest.mark.parametrize(
    ("text", "actor1", "actor2"),
    [
        (
            "Unidentified gunmen shot and killed a civilian man in Daraa al-Balad.",
            [("Unidentified gunmen", 3)],
            [("civilian man", 7)],
        ),
        ("Police arrested 15 protesters in Khartoum.", [("Police", 1)], [("protesters", 6)]),
        (
            "Hezbollah fighters clashed with rebels near Qusayr.",
            [("Hezbollah fighters", 2)],
            [("rebels", 2)],
        ),
        ("A civilian was shot dead by a sniper in Daraa.", [("sniper", None)], [("civilian", 7)]),
    ],
)
def test_roles(results, text, actor1, actor2):
    if text not in results:
        results[text] = extract_texts([text])[0]
    ev = results[text][0]
    got1 = [(a.text, a.inter) for a in ev.actors if a.role == "actor1"]
    got2 = [(a.text, a.inter) for a in ev.actors if a.role == "actor2"]
    assert [t for t, _ in got1] == [t for t, _ in actor1]
    assert [t for t, _ in got2] == [t for t, _ in actor2]
    for (_, want), (_, have) in zip(actor1 + actor2, got1 + got2, strict=True):
        if want is not None:
            assert have == want


def test_demonym_coordination_gives_two_state_initiators(results):
    ev = extract_texts(["Syrian and Russian warplanes struck Khan Shaykhun."])[0][0]
    initiators = [a for a in ev.actors if a.role == "actor1"]
    assert [a.text.split()[0] for a in initiators] == ["Syrian", "Russian"]
    assert {a.inter for a in initiators} == {1}
