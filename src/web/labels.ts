// Labels of the intake form, keyed by the case field's dotted path (src/case/schema.ts). The schema
// gives each field's type, range and options; this map gives only the words a person reads. A test
// checks that every case field has a label in both languages and that no label names a field that
// does not exist.
import type { Lang } from '../engine/decision.ts';

type Text = Record<Lang, string>;
const t = (nl: string, en: string): Text => ({ nl, en });

/** Field groups (objects of the case). */
export const groupLabels: Record<string, Text> = {
  applicant: t('Aanvrager', 'Applicant'),
  household: t('Huishouden', 'Household'),
  income: t('Inkomen', 'Income'),
  residence: t('Woonsituatie', 'Housing situation'),
  registration: t('Inschrijving', 'Registration'),
  grounds: t('Urgentiegronden', 'Grounds for urgency'),
  'grounds.mantelzorg': t('Mantelzorg', 'Mantelzorg (informal care)'),
  'grounds.medical': t('Medische urgentie', 'Medical urgency'),
  'grounds.outflow': t('Uitstroom uit een instelling', 'Leaving an institution'),
  'grounds.opvang': t('Opvang', 'Opvang (shelter)'),
  'grounds.violence': t('Huiselijk geweld of mensenhandel', 'Domestic violence or human trafficking'),
  'grounds.exitProgramme': t('Uitstapprogramma voor sekswerkers', 'Exit programme for sex workers'),
  'grounds.homelessFamily': t('Dakloos gezin', 'Homeless family'),
  'grounds.acuteEmergency': t('Acute noodsituatie', 'Acute emergency'),
  conduct: t('Weigeringsgronden', 'Grounds for refusal'),
};

/** Leaf fields. `hint` says the unit or what to enter. */
export const fieldLabels: Record<string, Text & { hint?: Text }> = {
  applicationDate: t('Aanvraagdatum', 'Application date'),
  'applicant.age': { ...t('Leeftijd (jaren)', 'Age (years)'), hint: t('Op de peildatum van de regeling; wordt afgeleid uit de geboortedatum als die is ingevuld', 'On the regulation\'s reference date; derived from the date of birth when that is given') },
  'applicant.dateOfBirth': { ...t('Geboortedatum', 'Date of birth'), hint: t('Of vul de leeftijd in; de leeftijd telt op de peildatum van de regeling (meestal de aanvraagdatum)', 'Or enter the age; the age counts on the regulation\'s reference date (usually the application date)') },
  'applicant.lawfulResidence': t('Verblijft rechtmatig in Nederland', 'Resides lawfully in the Netherlands'),
  'household.adults': t('Aantal volwassenen', 'Number of adults'),
  'household.minorChildren': t('Aantal minderjarige kinderen', 'Number of minor children'),
  'household.partnerAge': { ...t('Leeftijd van de partner (jaren)', 'Age of the partner (years)'), hint: t('Voor een inkomensgrens die afhangt van de AOW-leeftijd', 'For an income limit that depends on the state pension age') },
  'income.annualHousehold': { ...t('Huishoudinkomen per jaar (euro)', 'Household income a year (euro)'), hint: t('Bruto, in hele euro\'s', 'Gross, in whole euros') },
  'income.netMonthly': { ...t('Netto huishoudinkomen per maand (euro)', 'Net household income a month (euro)'), hint: t('Alleen gebruikt door Groningen', 'Used by Groningen only') },
  'residence.municipality': { ...t('Woongemeente (CBS-code)', 'Municipality of residence (CBS code)'), hint: t('Bijvoorbeeld GM0014', 'For example GM0014') },
  'residence.yearsRegistered': t('Jaren ingeschreven in de gemeente', 'Years registered in the municipality'),
  'residence.housing': t('Huidige woonsituatie', 'Current housing'),
  'residence.yearsIndependent': { ...t('Jaren zelfstandig wonend', 'Years living independently'), hint: t('Alleen gebruikt door Groningen', 'Used by Groningen only') },
  'residence.boundToRegion': { ...t('Economisch of maatschappelijk gebonden aan de woningmarktregio', 'Economically or socially bound to the woningmarktregio (housing market region)'), hint: t('Hvw art. 14 lid 4 en 6; welke gemeenten de regio vormen, is nog niet aangewezen', 'Hvw art. 14(4) and (6); which municipalities form the region has not been designated yet') },
  'registration.points': { ...t('Punten in het woonruimteverdeelsysteem', 'Points in the allocation system'), hint: t('Alleen gebruikt door Groningen', 'Used by Groningen only') },
  'grounds.mantelzorg.role': t('Verleent of ontvangt mantelzorg', 'Gives or receives mantelzorg'),
  'grounds.mantelzorg.hoursPerWeek': t('Uren mantelzorg per week', 'Hours of mantelzorg a week'),
  'grounds.mantelzorg.expectedDurationMonths': t('Verwachte duur van de zorg (maanden)', 'Expected duration of the care (months)'),
  'grounds.mantelzorg.distanceKm': t('Huidige afstand tot de ander (km)', 'Current distance to the other person (km)'),
  'grounds.mantelzorg.assessedBySocialTeam': t('Zorgbehoefte beoordeeld door het sociaal team', 'Need for care assessed by the sociaal team'),
  'grounds.medical.serious': { ...t('De medische redenen zijn ernstig', 'The medical reasons are serious'), hint: t('Hvw art. 12 lid 3 onder b: ernstige én chronische redenen', 'Hvw art. 12(3)(b): serious and chronic reasons') },
  'grounds.medical.chronic': { ...t('De medische redenen zijn chronisch', 'The medical reasons are chronic'), hint: t('Blijvend of langdurig, niet een aandoening die binnen korte tijd herstelt', 'Lasting or long-term, not a condition that heals within a short time') },
  'grounds.medical.independentAdvice': t('Uitkomst onafhankelijk medisch advies', 'Outcome of the independent medical advice'),
  'grounds.medical.causedByDwelling': t('De huidige woning veroorzaakt of verergert het probleem', 'The current dwelling causes or worsens the problem'),
  'grounds.outflow.from': t('Soort zorg of instelling die de aanvrager verlaat', 'Kind of care or institution the applicant leaves'),
  'grounds.outflow.institution': { ...t('Instelling zoals de wet die noemt', 'Institution as the law names it'), hint: t('Hvw art. 12 lid 3 onder f, g en h', 'Hvw art. 12(3)(f), (g) and (h)') },
  'grounds.outflow.leaving': { ...t('Verlaat de instelling', 'Leaves the institution'), hint: t('Wordt afgeleid uit de vertrekdatum als die is ingevuld', 'Derived from the leaving date when that is given') },
  'grounds.outflow.leavingDate': t('Datum van vertrek uit de instelling', 'Date of leaving the institution'),
  'grounds.outflow.readyForIndependentLiving': t('Klaar om zelfstandig te wonen', 'Ready to live independently'),
  'grounds.outflow.guidanceArranged': t('Begeleiding na de verhuizing geregeld', 'Guidance after the move arranged'),
  'grounds.opvang.granted': { ...t('Er is een voorziening voor opvang toegekend', 'A voorziening for opvang (shelter) was granted'), hint: t('Wmo 2015 art. 1.1.1', 'Wmo 2015 art. 1.1.1') },
  'grounds.opvang.reason': t('Reden van de opvang', 'Reason for the opvang'),
  'grounds.opvang.leaving': { ...t('Verlaat de opvang', 'Leaves the opvang'), hint: t('Wordt afgeleid uit de vertrekdatum als die is ingevuld', 'Derived from the leaving date when that is given') },
  'grounds.opvang.leavingDate': t('Datum van vertrek uit de opvang', 'Date of leaving the opvang'),
  'grounds.violence.kind': t('Soort geweld', 'Kind of violence'),
  'grounds.violence.confirmed': t('Bevestigd door opvang, Veilig Thuis of politie', 'Confirmed by the shelter, Veilig Thuis or the police'),
  'grounds.exitProgramme.participates': { ...t('Neemt deel aan een uitstapprogramma van de overheid voor sekswerkers', 'Takes part in a government exit programme for sex workers'), hint: t('Hvw art. 12 lid 3 onder i', 'Hvw art. 12(3)(i)') },
  'grounds.homelessFamily.registeredHomeless': t('Als dakloos geregistreerd bij de gemeente', 'Registered as homeless with the municipality'),
  'grounds.acuteEmergency.confirmed': t('Acute noodsituatie vastgesteld', 'Acute emergency established'),
  'conduct.ownFault': t('Situatie verwijtbaar ontstaan of voorzienbaar', 'Situation is own fault or was foreseeable'),
  'conduct.canSolveWithinThreeMonths': t('Kan het probleem binnen drie maanden zelf oplossen', 'Can solve the problem within three months'),
  'conduct.rentArrears': t('Heeft huurachterstand', 'Has rent arrears'),
  'conduct.nuisance': t('Heeft overlast veroorzaakt of is daarvoor uitgezet', 'Caused nuisance or was evicted for it'),
};

/** Options of the enumerated fields, by path and value. */
export const optionLabels: Record<string, Record<string, Text>> = {
  'residence.housing': {
    tenant: t('Huurder', 'Tenant'),
    owner: t('Eigenaar-bewoner', 'Owner-occupier'),
    'living-in': t('Inwonend', 'Living in with others'),
    institution: t('In een instelling', 'In an institution'),
    shelter: t('In de opvang', 'In a shelter'),
    'no-fixed-address': t('Zonder vaste woon- of verblijfplaats', 'No fixed address'),
  },
  'grounds.mantelzorg.role': { giver: t('Verleent mantelzorg', 'Gives care'), receiver: t('Ontvangt mantelzorg', 'Receives care') },
  'grounds.medical.independentAdvice': { urgent: t('Urgent', 'Urgent'), 'not-urgent': t('Niet urgent', 'Not urgent') },
  'grounds.outflow.from': {
    'maatschappelijke-opvang': t('Maatschappelijke opvang', 'Homeless shelter'),
    'beschermd-wonen': t('Beschermd wonen', 'Sheltered housing'),
    ggz: t('GGZ-instelling', 'Mental health institution'),
    jeugdhulp: t('Jeugdhulp', 'Youth care'),
    detentie: t('Detentie', 'Detention'),
  },
  'grounds.outflow.institution': {
    'wlz-ggz': t('Instelling voor geestelijke gezondheidszorg (Wlz)', 'Mental health care institution (Wlz)'),
    'zvw-ggz': t('Instelling voor geestelijke gezondheidszorg (Zvw)', 'Mental health care institution (Zvw)'),
    'jeugdwet-accommodatie': t('Accommodatie van een jeugdhulpaanbieder (Jeugdwet)', 'Accommodation of a youth care provider (Jeugdwet)'),
    'jeugdwet-gesloten-accommodatie': t('Gesloten accommodatie (Jeugdwet)', 'Secure accommodation (Jeugdwet)'),
    'justitiele-jeugdinrichting': t('Justitiële jeugdinrichting', 'Youth custodial institution'),
    'penitentiaire-inrichting': t('Penitentiaire inrichting', 'Penitentiary institution'),
    'forensische-zorg': t('Instelling voor forensische zorg', 'Forensic care institution'),
    anders: t('Andere instelling', 'Another institution'),
  },
  'grounds.opvang.reason': {
    dakloosheid: t('Dakloosheid', 'Homelessness'),
    'huiselijk-geweld': t('Huiselijk geweld', 'Domestic violence'),
    mensenhandel: t('Mensenhandel', 'Human trafficking'),
    anders: t('Andere reden', 'Another reason'),
  },
  'grounds.violence.kind': { 'huiselijk-geweld': t('Huiselijk geweld', 'Domestic violence'), mensenhandel: t('Mensenhandel', 'Human trafficking') },
};
