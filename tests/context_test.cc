// Names in their context: names built by their head words (cues.tsv, organizations.rules), unknown
// names typed by what the text says of them (rules/context.rules), and which of several places
// of the same name a document means (the evidence kinds of Gazetteer::AddCandidates), with the
// default dictionaries and with small dictionaries of the test's own.
#define BOOST_TEST_MODULE context
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "core/document.h"
#include "core/source_file.h"
#include "gazetteer/gazetteer.h"
#include "nerkit/nerkit.h"
#include "text/tokenizer.h"

namespace fs = std::filesystem;

namespace {

const nerkit::Extractor& Shared() {
  static const nerkit::Extractor extractor = nerkit::Extractor::Load();
  return extractor;
}

// The id of the first entity of `text` whose text is `name`, or "(none)".
std::string IdOf(const nerkit::Extractor& extractor, const std::string& text,
                 const std::string& name) {
  const nerkit::Result r = extractor.Extract(text);
  for (const nerkit::Entity& e : r.entities) {
    if (e.text == name) return std::string(nerkit::LabelName(e.label)) + " " + e.id;
  }
  return "(none)";
}

struct PlaceCase {
  std::string text;
  std::string name;
  std::string expected;  // label and id
  std::string why;
};

std::ostream& operator<<(std::ostream& out, const PlaceCase& c) { return out << c.why; }

// Sirte, Libya is geonames:2210554; Siirt, Turkey geonames:300822 (both have the alternate name
// "Sirt", and Siirt is the larger). Paris, France 2988507; Paris, Texas 4717560.
const std::vector<PlaceCase> kPlaces = {
    {"Fighters entered Misurata and Sirt on Monday.", "Sirt", "LOCATION geonames:2210554",
     "the country of another place found (Misurata, an alternate name only Libya has)"},
    {"Residents of Paris, Texas were evacuated.", "Paris", "LOCATION geonames:4717560",
     "a US state after a comma, even for a name that is also a common word"},
    {"Residents of Paris, France were evacuated.", "Paris", "LOCATION geonames:2988507",
     "a country after a comma"},
    {"Residents of Paris were evacuated.", "Paris", "LOCATION geonames:2988507",
     "no evidence: the main name with the larger population"},
    {"He was treated at a hospital in Atlanta, Georgia, and went home.", "Georgia",
     "LOCATION geonames:4197000", "the state of the city before the comma, not the country"},
    {"Georgia and Russia signed the accord.", "Georgia", "LOCATION geonames:614540",
     "a country's own name, without a city before it"},
    {"The talks were held in Sirt. Libya said the talks would go on.", "Sirt",
     "LOCATION geonames:2210554", "a country named in the document"},
    {"Officials from Libya met in Sirt in Turkey on Monday.", "Sirt", "LOCATION geonames:300822",
     "a country named beside the place wins over one named elsewhere in the sentence"},
    {"ANKARA (AP) - A Libyan delegation visited Sirt on Monday.", "Sirt",
     "LOCATION geonames:300822", "the dateline's country wins over a demonym of the story"},
    {"The company is based in Peoria, Ill., and employs 300 people.", "Peoria",
     "LOCATION geonames:4905687", "a state abbreviation of news agency style after a comma"},
};

struct NameCase {
  std::string text;
  std::string expected;  // "name/LABEL" of the entity that must be found
  std::string why;
};

std::ostream& operator<<(std::ostream& out, const NameCase& c) { return out << c.why; }

// Made-up names (no list holds them) and real ones built by their heads.
const std::vector<NameCase> kNames = {
    // Head words.
    {"The talks were held at the Nairobi Serena Hotel on Monday.", "Nairobi Serena Hotel/LOCATION",
     "a place and a given name before a building's head"},
    {"The Atlanta Symphony Orchestra played Mahler.", "Atlanta Symphony Orchestra/ORGANIZATION",
     "a place before an orchestra's heads"},
    {"Kent County Council approved the budget.", "Kent County Council/ORGANIZATION",
     "a place head inside an organisation's name"},
    {"Lagos Light Rail will open next year.", "Lagos Light Rail/ORGANIZATION",
     "an operator named after its city"},
    {"Bristol Rovers lost again.", "Bristol Rovers/ORGANIZATION", "a club named after its city"},
    {"The Union of Concerned Scientists published a report.",
     "Union of Concerned Scientists/ORGANIZATION", "a head word, of, and a name"},
    {"It was founded as the Battle Creek Toasted Corn Flake Company.",
     "Battle Creek Toasted Corn Flake Company/ORGANIZATION",
     "a head word's organisation built on a known town is the name, not the town"},
    {"The station is owned by Nexstar Media Group.", "Nexstar Media Group/ORGANIZATION",
     "a capitalised Group ends a listed name too"},
    {"The team plays in the Primeira Liga.", "Primeira Liga/ORGANIZATION",
     "a league's head word in Portuguese or Spanish"},
    {"The Manhattan Supreme Court delayed the sentencing.", "Manhattan Supreme Court/ORGANIZATION",
     "org.country_body: a place before a known organisation names its body"},
    {"The Metropolitan Museum of Art acquired the painting.", "Metropolitan Museum of Art/LOCATION",
     "loc.head_suffix: a place's head word, of and a name"},
    {"The Packers signed quarterback Jordan Love to an extension.", "Jordan Love/PERSON",
     "person.role: a role, then a one-word place name and another name word"},
    {"Drummer Oskar Veit left the band in 2005.", "Oskar Veit/PERSON",
     "titles.tsv: a musician's role before a name stays outside it"},
    {"Saxophonist Kamasi Veltro joined in 1982.", "Kamasi Veltro/PERSON",
     "titles.tsv: a role opening the sentence, before a name no list holds"},
    {"Meanwhile Oskar Veit left the room.", "Oskar Veit/PERSON",
     "person.after_opener: a capitalised word opening the sentence is no part of the name"},
    {"Later John Smith said the plan failed.", "John Smith/PERSON",
     "name.after_opener: a name whose words are also common words, after the opening word"},
    {"Velantra is a software company founded in 2004.", "Velantra/ORGANIZATION",
     "ctx.is_a: a name the sentence says is a company"},
    {"Quorvex are an English rock band formed in Leeds. Oskar Veit left Quorvex in 2005.",
     "Quorvex/ORGANIZATION", "ctx.is_a: a band, and the same name later in the document"},
    {"Shares of Pantheon Dynamics rose 4 percent.", "Pantheon Dynamics/ORGANIZATION",
     "ctx.shares_of: whose shares they are"},
    {"He sold his stake in Velmora Holdings last year.", "Velmora Holdings/ORGANIZATION",
     "ctx.shares_of: a stake in a company"},
    {"The Kestrel Valley Hotel reopened on Monday.", "Kestrel Valley Hotel/LOCATION",
     "loc.head_suffix: place head words in a row end one name (Valley, then Hotel)"},
    {"Jets flew from Balad Air Base at dawn.", "Balad Air Base/LOCATION",
     "loc.head_suffix: Air Base after a known town"},
    {"The council closed the library on Bridge Street.", "Bridge Street/LOCATION",
     "loc.head_suffix: a street named by another head word"},
    {"They met near Church Road.", "Church Road/LOCATION",
     "loc.head_suffix: a road named by an organisation's head word"},
    {"France's Youri Djorkaeff scored twice.", "Youri Djorkaeff/PERSON",
     "resolver:person-after-town: a village's name before a word no list holds opens a name"},
    {"The Ravens beat the Steelers 24-17 in Baltimore.", "Ravens/ORGANIZATION",
     "ctx.score_home: teams named with \"the\", a nickname no list holds"},
    {"Prime Minister Kelvar Dunmore met President Ostin Vale in Brelton.", "Brelton/LOCATION",
     "titles capitalised before names do not make a sentence a Title Case headline"},
    {"Tesla shares fell after the recall.", "Tesla/ORGANIZATION",
     "ctx.shares_after: a name before its shares"},
    {"Local band The Velvet Sparrows played.", "The Velvet Sparrows/ORGANIZATION",
     "ctx.band: a capitalised The is part of a band's name"},
    {"United sacked manager Erik ten Hag on Monday.", "Erik ten Hag/PERSON",
     "person.particle: the Dutch particle ten"},
    {"The National Hurricane Center said the storm weakened.",
     "National Hurricane Center/ORGANIZATION",
     "the storm rule's no-entity inside a name the dictionary knows is part of the name"},
    {"Bristol Rovers beat Exeter City 3-1 at home.", "Exeter City/ORGANIZATION",
     "ctx.score_away: a result's teams, the first ending in a head word"},
    {"Goldman Sachs Group Inc. posted results.", "Goldman Sachs Group Inc./ORGANIZATION",
     "a listed name, then Group and a legal suffix: one name"},
    {"Trelawny Bank plc reported a loss.", "Trelawny Bank plc/ORGANIZATION",
     "org.head_suffix: a legal form in lower case ends the name (LEGAL_LOWER)"},
    {"said economist Laura Pettigrew of Harwell Banks Inc. in Dayton.",
     "Harwell Banks Inc./ORGANIZATION",
     "org.head_suffix: a person's name and \"of\" do not open a company's name"},
    {"He joined Carvell Heavy Industries Limited (CHIL) in 1981.",
     "Carvell Heavy Industries Limited/ORGANIZATION",
     "a sentence with a word such as \"joined\" in lower case is no Title Case headline"},
    {"In 1981 the young engineer joined Dunmore Heavy Electricals Limited (DHEL) as a trainee. "
     "Later he wrote a memoir about his years at DHEL.",
     "DHEL/ORGANIZATION",
     "an acronym spelt out in the document keeps its expansion's type against a weak cue "
     "(\"at DHEL\")"},
    {"He was an official of the Ministry of Fisheries, Forestry and Rural Affairs until 2010.",
     "Ministry of Fisheries, Forestry and Rural Affairs/ORGANIZATION",
     "org.head_prefix_list: a head word, \"of\" and a list of common words ending in \"and\""},
    {"Plymouth Argyle drew with Crewe Alexandra on Saturday.", "Crewe Alexandra/ORGANIZATION",
     "sports_clubs.tsv: a club whose name begins with its town"},
    {"Its subsidiaries include Mervale Bank (Ghana) Limited, based in Accra.",
     "Mervale Bank (Ghana) Limited/ORGANIZATION",
     "org.head_suffix: a country in brackets before the legal form"},
    {"Mervale Bank Nigeria Plc is a commercial bank.", "Mervale Bank Nigeria Plc/ORGANIZATION",
     "org.head_suffix: a country before the legal form, Plc capitalised"},
    {"The centre is run by Kestrelwerk Software India Pvt. Ltd. in Pune.",
     "Kestrelwerk Software India Pvt. Ltd./ORGANIZATION",
     "org.head_suffix: Pvt. (a title elsewhere) before Ltd."},
    {"Parts come from Hoshida Precision (Thailand) Co., Ltd. in Rayong.",
     "Hoshida Precision (Thailand) Co., Ltd./ORGANIZATION",
     "org.legal_comma_period: a country in brackets inside the name"},
    {"Kieran Doyle scored twice on Saturday. \"Kieran has been waiting for his chance,\" said "
     "manager Paul Grayson.",
     "Kieran/PERSON", "the given name of a person the document names in full"},
    {"Hartwell Foods Inc. agreed to buy the grocer Greenfield Market Group on Monday. "
     "Greenfield shareholders will receive $41 per share.",
     "Greenfield/ORGANIZATION",
     "a small town's name that opens an organisation's name stands for the organisation"},
    {"The lawyer told the U.S.-funded Radio Farda that no date had been set.",
     "Radio Farda/ORGANIZATION", "media.tsv: a broadcaster"},
    {"Renishaw reported higher sales.", "Renishaw/ORGANIZATION",
     "companies_world.tsv: a listed company outside the United States"},
    {"She was born in the village of Ihithe in Nyeri District, Kenya.", "Nyeri District/LOCATION",
     "loc.admin_name: a place and its kind word, capitalised"},
    {"The campus borders the Lagos Lagoon to the east.", "Lagos Lagoon/LOCATION",
     "cues.tsv: Lagoon ends a place's name"},
    {"Trains stop at Yamato-Kamiichi Station twice an hour.", "Yamato-Kamiichi Station/LOCATION",
     "cues.tsv: Station ends a place's name"},
    {"The work was funded by the Canadian Institutes of Health Research last year.",
     "Canadian Institutes of Health Research/ORGANIZATION", "cues.tsv: plural head words"},
    {"The party first won seats in the Landtag of Schleswig-Holstein in 2017.",
     "Landtag of Schleswig-Holstein/ORGANIZATION",
     "an institution named by its head word, \"of\" and the place it belongs to"},
    {"The Environment Agency (EA) is a public body. The EA has offices in Bristol.",
     "EA/ORGANIZATION",
     "an abbreviation defined in brackets after the name, even a word of the dictionary's"},
    {"It is sponsored by the Department for Environment, Food and Rural Affairs (Defra).",
     "Defra/ORGANIZATION", "an abbreviation of the name's initials written as a word"},
    {"Its football club, Hollinbridge Town A.F.C., plays in the county league.",
     "Hollinbridge Town A.F.C./ORGANIZATION", "cues.tsv: A.F.C. ends a club's name"},
    {"Anil Pillai, a partner at the consultancy Redseer Strategy Consultants, said so.",
     "Redseer Strategy Consultants/ORGANIZATION", "org.after_kind: consultancy, label, chain"},
    {"The Perth Wildcats beat the Sydney Kings 98-91 on Friday.", "Sydney Kings/ORGANIZATION",
     "sports.nickname: a city that is also a given name, and a team's plural nickname"},
    {"He spent three seasons with their farm team, the Manitoba Moose.",
     "Manitoba Moose/ORGANIZATION", "sports.nickname: a region and a team's nickname"},
    {"Nakuru Falcons Basketball Club is a Kenyan professional basketball club.",
     "Nakuru Falcons Basketball Club/ORGANIZATION", "a nickname is a word of a longer name"},
    {"It was reported by the Meteorology, Climatology and Geophysics Agency.",
     "Meteorology, Climatology and Geophysics Agency/ORGANIZATION",
     "org.head_suffix: a list of capitalised words ending in \"and\" before the head word"},
    {"Rosa Linda is a Mexican cumbia band formed in Monterrey.", "Rosa Linda/ORGANIZATION",
     "ctx.is_a: two given names, then what the sentence says the name is"},
    {"Velkor is a South Korean indie rock band from Busan.", "Velkor/ORGANIZATION",
     "ctx.is_a: four words between the article and the kind"},
    {"Shares in Karoo Sun Energy Holdings Ltd jumped 14 percent.",
     "Karoo Sun Energy Holdings Ltd/ORGANIZATION",
     "org.head_suffix: a weekday's abbreviation (Sun) after another word of the name"},
    {"The survey was led by Hendrik de Villiers. De Villiers said more work was planned.",
     "De Villiers/PERSON",
     "the surname alone keeps its particle, capitalised at a sentence's start"},
    {"The youth teams are run by Piet van der Linden. Since 2019, van der Linden has coached.",
     "van der Linden/PERSON", "the surname alone keeps its particles in lower case"},
    {"PAGASA forecaster Ramon dela Cruz said the storm would weaken.", "Ramon dela Cruz/PERSON",
     "cues.tsv: the Filipino particle dela"},
    {"He married the hockey player Femke de Boer in 2004.", "Femke de Boer/PERSON",
     "person.particle: a surname that is also a demonym, after a particle"},
    {"The museum received a grant from the Fundación Alfredo Harp Helú in 2010.",
     "Fundación Alfredo Harp Helú/ORGANIZATION",
     "org.head_first: a head word of a language that puts it first, and the words after it"},
    {"Its singles were played widely on Radio Jamaica and pressed abroad.",
     "Radio Jamaica/ORGANIZATION", "org.head_first: Radio before a country's name"},
    {"Authorities have accused Radio Simba, Radio Banadir and Radio Shabelle of bias.",
     "Radio Shabelle/ORGANIZATION", "org.head_first: after \"and\" in a list of names"},
    {"He is the director of Radio Wasewase in Labasa.", "Radio Wasewase/ORGANIZATION",
     "org.head_first: after \"of\" that follows a lower-case word"},
    {"The Liga Atlántica Sur opens its season in March.", "Liga Atlántica Sur/ORGANIZATION",
     "org.head_first: after a capitalised The opening the sentence"},
    {"The beer is brewed by Cervecería Montaña Alta in Cusco.",
     "Cervecería Montaña Alta/ORGANIZATION",
     "org.head_first: a brewery, over a place that is one of its words"},
    {"She trained at the Academia Fútbol Norte for two years.",
     "Academia Fútbol Norte/ORGANIZATION", "org.head_first: Academia"},
    {"Freight rates rose at Transportes Costa Verde on Monday.",
     "Transportes Costa Verde/ORGANIZATION", "org.head_first: Transportes"},
    {"The letters are kept in the Archivo Municipal de Tarija.",
     "Archivo Municipal de Tarija/ORGANIZATION",
     "org.head_first: an archive, over a person's particle and a place"},
    {"Customers queued at Caja Rural de Jaén on Monday.", "Caja Rural de Jaén/ORGANIZATION",
     "org.head_first: Caja"},
    {"She read the news on Radyo Bandilyo every morning.", "Radyo Bandilyo/ORGANIZATION",
     "org.head_first: Radyo"},
    {"The festival fills the Parque Lezama each March.", "Parque Lezama/LOCATION",
     "cues.tsv: Parque opens a place's name"},
    {"The Museo del Cacao opened in 2015.", "Museo del Cacao/LOCATION",
     "cues.tsv: Museo opens a place's name, with a particle after it"},
    {"The inquiry heard from the engineer Marta Casa on Monday.", "Marta Casa/PERSON",
     "cues.tsv: a head word that only opens names (prefix) ends none"},
    {"Police questioned Commissioner Juan Carlos Lago on Friday.", "Juan Carlos Lago/PERSON",
     "cues.tsv: Lago opens a place's name, never ends one"},
    {"The firm's founder, Luis Alberto Quintero Bustamante, spoke first. Later Quintero said "
     "sales rose.",
     "Quintero/PERSON",
     "resolver:part-of-name: a Spanish name's first surname alone, the word before the last"},
    {"The stalls are run by Trương Thị Thu Trang in Hue.", "Trương Thị Thu Trang/PERSON",
     "classes.rules: Thu, Sun and Jun are names before they are weekdays or months"},
    {"China's team was led by Sun Wenhao on Friday.", "Sun Wenhao/PERSON",
     "classes.rules: Sun opens a person's name"},
    {"The engineer Joris de Wit designed the dikes.", "Joris de Wit/PERSON",
     "person.particle: a given name, a particle and an unknown word"},
    {"The deal was signed by Hamisi bin Salim on Friday.", "Hamisi bin Salim/PERSON",
     "person.particle_unknown_first: an unknown word, a particle and a given name"},
    {"Her first commission was the Casa da Ribeira, a granite house for her uncle.",
     "Casa da Ribeira/LOCATION",
     "cues.tsv: a place head word of a language that puts it first, a particle and a name"},
    {"Strikers told reporters outside the factory gate on Avenida Itavuvu that they would stay.",
     "Avenida Itavuvu/LOCATION", "cues.tsv: a street's head word first"},
    {"They designed the head office of Caixa Agrícola do Minho in Braga.",
     "Caixa Agrícola do Minho/ORGANIZATION",
     "org.head_prefix: a head word, a word the lists of names hold, a particle and a place"},
    {"It leased two turboprops from Transportes Aéreos Insulares, Lda. at a nominal rent.",
     "Transportes Aéreos Insulares, Lda./ORGANIZATION",
     "org.legal_comma_period: a legal form of another language, accented words before it"},
    {"They signed an import deal with Hollis & Grant Imports, LLC of Portland, Oregon.",
     "Hollis & Grant Imports, LLC/ORGANIZATION",
     "org.legal_comma: the legal suffix after a comma, not a head word before \"of\""},
    {"A sand mining firm, Thanh Dat Mining JSC, was fined in 2019.",
     "Thanh Dat Mining JSC/ORGANIZATION", "cues.tsv: legal forms JSC, Ltda, Lda, Bhd, Tbk"},
    {"AMMAN - Sahl Houran, a five-piece rock band from Irbid, has sold out two nights.",
     "Sahl Houran/ORGANIZATION", "ctx.band_apposition: a band in apposition, a given name first"},
    {"The vests were supplied by Qurum Workwear, a Muscat firm.", "Qurum Workwear/ORGANIZATION",
     "ctx.company_apposition: a city before the kind of company"},
    {"Funding came from the board and the charity Heartlink West.", "Heartlink West/ORGANIZATION",
     "org.after_kind: charity, restaurant, brewery, cooperative"},
    {"In 2006 he opened his own restaurant, Beit Teta, on King Street.", "Beit Teta/ORGANIZATION",
     "org.after_kind_commas: the kind, then the name between commas"},
    {"Each January it plays for the charity Wielka Orkiestra Świątecznej Pomocy in Warsaw.",
     "Wielka Orkiestra Świątecznej Pomocy/ORGANIZATION",
     "org.after_kind_given: a name opening with a given name after a kind no trade names"},
    {"The parish lies on the southern shore of Lough Neagh, near Portadown.",
     "Lough Neagh/LOCATION", "cues.tsv: place head words of Irish, Welsh, Malay and Arabic"},
    {"Its mountains include Jabal Umm ad Dami, the highest point in the country.",
     "Jabal Umm ad Dami/LOCATION", "loc.head_prefix: particles inside the name after the head"},
    {"It is the first production by Cwmni Tân, a company founded in Blaenau Ffestiniog.",
     "Cwmni Tân/ORGANIZATION", "ctx.company_apposition: a word of the lists of names inside"},
    {"With his brother he runs Al-Hakim Brothers Catering Pty Ltd, which serves dinners.",
     "Al-Hakim Brothers Catering Pty Ltd/ORGANIZATION",
     "org.head_suffix: a name particle opens the name"},
    {"Her drawings are kept by the Marques da Silva Foundation, which showed them.",
     "Marques da Silva Foundation/ORGANIZATION",
     "org.head_suffix: a name particle joins the words before the head word"},
    {"They have served dinners at the Sydney Opera House and in Canberra.",
     "Sydney Opera House/LOCATION", "cues.tsv: a head word of two words, Opera House"},
    {"The group also owns the radio station Eko Talk FM in Lagos.", "Eko Talk FM/ORGANIZATION",
     "cues.tsv: FM ends a station's name"},
    {"The Sorocaba Metalworkers' Union said the company had offered a raise.",
     "Sorocaba Metalworkers' Union/ORGANIZATION",
     "org.head_suffix: a plural's possessive of a word no list holds, before the head word"},
    {"A neighbourhood group, Friends of Current River, had asked the council to act.",
     "Friends of Current River/ORGANIZATION",
     "org.head_prefix: after a comma that follows a common word"},
    {"He maintains the station's transmitter on Picuris Peak.", "Picuris Peak/LOCATION",
     "cues.tsv: Peak ends a place's name"},
    {"Donors included the Swiss Agency for Development and Cooperation and UNICEF.",
     "Swiss Agency for Development and Cooperation/ORGANIZATION",
     "org.head_prefix: one \"and\" inside the name"},
    {"It worked with the North Lebanon Water Establishment in Halba.",
     "North Lebanon Water Establishment/ORGANIZATION", "cues.tsv: Establishment"},
    {"The guide led us south along Grodzka Street to Wawel Castle at dusk.",
     "Wawel Castle/LOCATION", "cues.tsv: Castle, Place and Voivodeship end a place's name"},
    {"The council voted to close a stretch of Courtenay Place to private cars.",
     "Courtenay Place/LOCATION", "cues.tsv: Place after a name no list holds"},
    {"The city could not pay for repairs because it owed money to Rand Water, the supplier.",
     "Rand Water/ORGANIZATION", "cues.tsv: Water (capitalised), Renewables, Tekstil"},
    {"The new plant will be run by Marlow Bay Seafoods.", "Marlow Bay Seafoods/ORGANIZATION",
     "cues.tsv: Seafoods, over the town that opens the name"},
    {"Funding came from Nairobi investor Kivuli Ventures last year.",
     "Kivuli Ventures/ORGANIZATION", "person.role: a role before an organisation's name"},
    {"The final was played at the Estadio Municipal Pedro Marrero in Havana.",
     "Estadio Municipal Pedro Marrero/LOCATION",
     "loc.head_prefix: common words between an opening head word and a name"},
    {"It is owned by Tanaw Broadcasting Network, Inc. (TBN), and its studios are in Davao.",
     "Tanaw Broadcasting Network, Inc./ORGANIZATION",
     "org.legal_comma_period: the bracket after a legal form's period, where a sentence ends for "
     "the tokenizer"},
    {"Duinhaven Scheepsbouw B.V. is a shipyard in Harlingen.",
     "Duinhaven Scheepsbouw B.V./ORGANIZATION", "cues.tsv: the Dutch legal form B.V."},
    {"KAMLOOPS, B.C. - Snow closed the highway on Monday.", "B.C./LOCATION",
     "state_abbreviations.tsv: a Canadian province in news agency style"},
    {"Street lighting is paid for by the Government of the City of Buenos Aires.",
     "Government of the City of Buenos Aires/ORGANIZATION",
     "an institution named by its head word, of, the and a place word before a known place"},
    {"The league is run by FIBA Africa, which fined the club.", "FIBA Africa/ORGANIZATION",
     "org.branch: a known organisation and a region after it"},
    {"The quartet played at the Marbury Civic Hall on Friday.", "Marbury Civic Hall/LOCATION",
     "cues.tsv: Hall ends a place's name"},
    {"Rep. Tony Hall of Ohio said the vote was close.", "Tony Hall/PERSON",
     "a place head word that is a top surname, after a frequent given name, ends a person's name"},
    {"Kanzi Digital was founded in 2019 in Arusha.", "Kanzi Digital/ORGANIZATION",
     "cues.tsv: Digital ends a company's name"},
    {"Approval is needed from the Superintendence of Industry and Commerce in Bogota.",
     "Superintendence of Industry and Commerce/ORGANIZATION", "cues.tsv: Superintendence"},
    {"An analyst at brokerage Corretora Jatobá said sales fell.",
     "Corretora Jatobá/ORGANIZATION", "org.after_kind: brokerage, over a place of the name"},
    {"The airline leases its jets from Corvale Aero Leasing, a lessor.",
     "Corvale Aero Leasing/ORGANIZATION", "cues.tsv: Leasing"},
    {"The contract went to Derinsu Enerji A.Ş. last year.", "Derinsu Enerji A.Ş./ORGANIZATION",
     "cues.tsv: the Turkish legal form A.Ş. and Enerji"},
    {"The mall was designed by Arkitek Selatan Sdn. Bhd. for the developer.",
     "Arkitek Selatan Sdn. Bhd./ORGANIZATION",
     "tokenizer: Sdn. and Bhd. are abbreviations that keep the name going"},
    {"A stake went to Wangsa Tenggara Berhad last year.", "Wangsa Tenggara Berhad/ORGANIZATION",
     "cues.tsv: Berhad"},
    {"The lenses are made by Kuroshio Tamagawa K.K. in Saitama.",
     "Kuroshio Tamagawa K.K./ORGANIZATION", "cues.tsv: K.K."},
    {"The merger of Vantor Oy with Kessler Draht Kft. was approved.", "Vantor Oy/ORGANIZATION",
     "cues.tsv: Oy"},
    {"The merger of Vantor Oy with Kessler Draht Kft. was approved.",
     "Kessler Draht Kft./ORGANIZATION", "cues.tsv: Kft., an abbreviation inside the sentence"},
    {"The farm sold its grain to Trakya Tohum SARL and Volga Zerno OOO.",
     "Trakya Tohum SARL/ORGANIZATION", "cues.tsv: SARL"},
    {"The farm sold its grain to Trakya Tohum SARL and Volga Zerno OOO.",
     "Volga Zerno OOO/ORGANIZATION", "cues.tsv: OOO"},
    {"The builder, Brasko Tuvim Pty. Ltd., went into administration.",
     "Brasko Tuvim Pty. Ltd./ORGANIZATION", "tokenizer: Pty. keeps the name going"},
    {"The first hike, to Laguna de los Tres, takes a day.", "Laguna de los Tres/LOCATION",
     "symbols: a head word that only opens names is the head before a name, not the town Laguna"},
    {"Icebergs drift beneath the needle of Cerro Torre.", "Cerro Torre/LOCATION",
     "symbols: Cerro before a name is its head word, not the town Cerro"},
    {"Floods hit Laguna on Monday.", "Laguna/LOCATION",
     "symbols: the town Laguna where no name follows it"},
    {"Rangers from the Administración de Parques Nacionales ask walkers to register.",
     "Administración de Parques Nacionales/ORGANIZATION", "org.head_first: Administración"},
    {"I stayed at Hostería Los Cóndores, a family-run inn.",
     "Hostería Los Cóndores/ORGANIZATION", "org.head_first: Hostería"},
    {"Food is good. Doña Elba Quiroga has run a bakery for years.", "Elba Quiroga/PERSON",
     "titles.tsv: Doña is a title, outside the name"},
    {"The First Catanduanes Electric Cooperative (FICELCO) said its poles were down. Crews of "
     "FICELCO worked all night.",
     "FICELCO/ORGANIZATION",
     "resolver: an abbreviation defined in brackets by letters of the name's words in order"},
    {"EL CHALTÉN, Argentina — The granite spire appears and disappears all morning.",
     "EL CHALTÉN/LOCATION", "loc.dateline_unknown: a dateline's place that no list holds"},
    {"The North Canterbury president of the farmers' federation said baleage was scarce.",
     "North Canterbury/LOCATION",
     "cues.tsv: a point of the compass opens a place's name (and is no given name)"},
    {"Two graveyards were found in Eastern Turkmenistan last year.",
     "Eastern Turkmenistan/LOCATION", "cues.tsv: Eastern before a country"},
    {"Oliver North testified before the committee.", "Oliver North/PERSON",
     "cues.tsv: a point of the compass that ends a name is a surname"},
    {"The city's bus operator, Sądeckie Linie Autobusowe Sp. z o.o., will run the depot.",
     "Sądeckie Linie Autobusowe Sp. z o.o./ORGANIZATION",
     "org.head_suffix: a legal form of several words, in lower case after a period"},
    {"The environmental group Colectivo Agua y Tierra said it would appeal.",
     "Colectivo Agua y Tierra/ORGANIZATION",
     "org.after_group: a particle between the group's words, after a capitalised The"},
    {"In 1998 he joined the band Os Tambores da Ilha, led by a percussionist.",
     "Os Tambores da Ilha/ORGANIZATION", "ctx.band_particle: over the person a particle makes"},
    {"Press contact: Rothmann Kältetechnik GmbH, Torgauer Straße 210, Leipzig.",
     "Torgauer Straße/LOCATION", "cues.tsv: Straße ends a street's name"},
    {"The torch entered Turin through the Piazza Massaua on Friday.",
     "Piazza Massaua/LOCATION", "cues.tsv: Piazza opens a square's name"},
    {"Where the old bazaar of Uzun Çarşı once ran, there are hoardings.",
     "Uzun Çarşı/LOCATION", "cues.tsv: Çarşı ends a market's name"},
    {"They skated at the Buzz Lindqvist Rink every winter.", "Buzz Lindqvist Rink/LOCATION",
     "cues.tsv: Rink ends a place's name"},
    {"The developer would consider an appeal to the Planning Inspectorate.",
     "Planning Inspectorate/ORGANIZATION", "cues.tsv: Inspectorate"},
    {"Apprentices are trained with the Leipzig Chamber of Industry and Commerce (IHK).",
     "Leipzig Chamber of Industry and Commerce/ORGANIZATION", "cues.tsv: Chamber, over the city"},
    {"Members of the Kerio Valley Teachers Sacco voted to absorb a smaller one.",
     "Kerio Valley Teachers Sacco/ORGANIZATION", "cues.tsv: Sacco, a savings co-operative"},
    {"The painting was lent by the Archdiocese of Wrocław in 2019.",
     "Archdiocese of Wrocław/ORGANIZATION", "cues.tsv: Archdiocese opens an institution's name"},
    {"The office will decide whether Dohwa Elementary can stay open.",
     "Dohwa Elementary/ORGANIZATION", "cues.tsv: Elementary ends a school's name"},
    {"The measure now goes to Mayor Rodolfo \"Jun\" Tabuena, who will sign it.",
     "Rodolfo \"Jun\" Tabuena/PERSON", "person.nickname: after a title"},
    {"Barangay captain Rodolfo \"Boy\" Dela Cruz Jr. said the chapel stood.",
     "Rodolfo \"Boy\" Dela Cruz Jr./PERSON",
     "person.nickname: before a surname that opens with a particle"},
    {"The margin east of New Zealand's North Island is active.", "North Island/LOCATION",
     "loc.admin_name: a head word before a capitalised kind of place"},
    {"The Missouri State Highway Patrol said two people died.",
     "Missouri State Highway Patrol/ORGANIZATION", "cues.tsv: Patrol"},
    {"The session was held at the Cebu Provincial Capitol.", "Cebu Provincial Capitol/LOCATION",
     "cues.tsv: Capitol"},
    {"Menara Seri Wangsa is a 52-storey office tower.", "Menara Seri Wangsa/LOCATION",
     "cues.tsv: Menara opens a building's name"},
    {"The startup is backed by investor Umuganda Ventures.", "Umuganda Ventures/ORGANIZATION",
     "org.title_name_head: a role in lower case stays outside the organisation's name"},
    {"He has an address at Retreat Heights, Athlone, Co Westmeath, and pleaded guilty.",
     "Co Westmeath/LOCATION", "regions_extra.tsv: an Irish county as Irish papers write it"},
    {"The clinic has branches in Kisumu, Ahero and Nyangoma.", "Nyangoma/LOCATION",
     "loc.list_last: the last name of a list a place preposition opens"},
    {"The clinic has branches in Kisumu, Ahero and Nyangoma.", "Ahero/LOCATION",
     "loc.list_second: the second name of such a list"},
    {"Most members live in Kericho or Litein.", "Litein/LOCATION",
     "loc.list_last: a list joined by or"},
    {"Lorries carried the maize from Eldoret and Turbo.", "Turbo/LOCATION",
     "loc.list_from_last: after from, a list that holds a known place"},
    {"The road between Arusha and Ngaramtoni was closed.", "Ngaramtoni/LOCATION",
     "loc.list_from_last: after between, the same"},
    {"Flooding hit villages in the Ngarua and Kiboko counties.", "Ngarua/LOCATION",
     "loc.list_kind_first: names before a plural kind of place"},
    {"Flooding hit villages in Marsabit and Sololo districts.", "Sololo/LOCATION",
     "loc.list_kind_last: the last name before a plural kind of place"},
    {"Farmers in the upper Kerio valley lost their crops.", "Kerio/LOCATION",
     "loc.landform: a name before a natural feature in lower case"},
    {"Aquifers in the Qa'a plain are falling.", "Qa'a/LOCATION",
     "loc.landform: the same after the"},
    {"Fishermen on the Kapuas river said the water was low.", "Kapuas/LOCATION",
     "loc.landform: a name before a lower-case river"},
    {"Herders in the Dollo Ado area lost their goats.", "Dollo Ado/LOCATION",
     "loc.landform: a name before a lower-case area"},
    {"The Bank of Ghana kept its rate unchanged.", "Bank of Ghana/ORGANIZATION",
     "places.tsv: 'The Bank' is no longer a place (a GeoNames nickname of 'The' and one word)"},
    {"(Reporting by Rina Lopez Dimaculangan; Editing by Paul Hale)",
     "Rina Lopez Dimaculangan/PERSON",
     "person.credit: the credit line of a wire story"},
    {"A rebel spokesman, Padoh Mahn Shwe, said the camp was hit.", "Mahn Shwe/PERSON",
     "titles.tsv: Padoh, a Karen honorific, stays outside the name"},
    {"Defender Rodrigo de la Peña headed the winner.", "Rodrigo de la Peña/PERSON",
     "PARTICLES: two particles inside a name ('de la', 'van der')"},
    {"The grant pays for 200 recruits to the Royal Papua New Guinea Constabulary.",
     "Royal Papua New Guinea Constabulary/ORGANIZATION",
     "resolver: an organisation built on a country after a capitalised common word"},
    {"Prices rose after a dispute with Tiraspolgaz, a joint venture of two utilities.",
     "Tiraspolgaz/ORGANIZATION", "KIND_WORD: a joint venture in apposition"},
    {"An economist at the think tank Centrul Nou said so.", "Centrul Nou/ORGANIZATION",
     "KIND_WORD: a think tank before its name"},
    {"The Kansas Department of Transportation (KanDOT) said the road would reopen. KanDOT crews "
     "were out all night.",
     "KanDOT/ORGANIZATION",
     "resolver: a word in brackets after an organisation's name is its short name, whatever its "
     "letters"},
    {"Funds came from the National Water Authority (Aguanal), officials said.",
     "Aguanal/ORGANIZATION", "resolver: the same for a capitalised word"},
    {"The district's chief engineer Md. Rafiqul Islam Khan said work would start in May.",
     "Md. Rafiqul Islam Khan/PERSON",
     "tokenizer: Md. before a name is an abbreviated given name, not Maryland"},
    {"\"It is fair,\" said Councilor Ma. Luisa Tan-Sy, who wrote the ordinance.",
     "Ma. Luisa Tan-Sy/PERSON", "tokenizer: Ma. before a name is an abbreviated given name"},
    {"Reporters waited outside the Harlan County Courthouse all day.",
     "Harlan County Courthouse/LOCATION",
     "loc.head_suffix: a capitalised kind of place between a name and a place head word"},
    {"Marchers walked from the market to the City Hall on Monday.", "City Hall/LOCATION",
     "loc.the_kind_head: after the, a kind of place and a place head word"},
    {"Wubalem Tadesse won the race in 2:21. Wubalem said the wind had helped her.",
     "Wubalem/PERSON",
     "resolver: the first word of a person's full name, when no list holds it, names the person"},
    {"According to Mutale-Banda, the channel has moved.", "Mutale-Banda/PERSON",
     "person.double_barrelled: a double-barrelled surname that ends in a town's name"},
    {"PHOENIX (AP) — A water main broke downtown on Tuesday.", "PHOENIX/LOCATION",
     "loc.dateline_given: a dateline whose place is also a given name and a common word"},
    {"WELLINGTON 2024-03-02\nThe central bank kept its rate.", "WELLINGTON/LOCATION",
     "loc.dateline_given: the same before the date"},
    {"The crowd rose when Tariq-ul-Mannan walked out to bat.", "Tariq-ul-Mannan/PERSON",
     "person.connective: names joined by -ul-"},
    {"The prize went to Saif-ud-Din Qureshi of Multan.", "Saif-ud-Din Qureshi/PERSON",
     "person.connective: names joined by -ud-, then a surname"},
    {"Danish Malik c Hollins b Trevaskis 42", "Hollins/PERSON",
     "person.scorecard_fielder: a cricket scorecard's fielder"},
    {"Danish Malik c Hollins b Trevaskis 42", "Trevaskis/PERSON",
     "person.scorecard_bowler: a cricket scorecard's bowler"},
    {"Supporters of Jamaat-e-Mustaqbil rallied in Karachi.", "Jamaat-e-Mustaqbil/ORGANIZATION",
     "cues.tsv and gazetteer: a head word of Urdu before the ezafe -e-"},
    {"The rally was called by Harkat-ul-Awami, a new party.", "Harkat-ul-Awami/ORGANIZATION",
     "org.head_prefix: a head word of Urdu before -ul-"},
    {"Leaders of Jamiat Talaba-e-Sindh met on Friday.", "Jamiat Talaba-e-Sindh/ORGANIZATION",
     "org.head_prefix: -e- after a word of the name"},
    {"Results of Czech second division soccer matches on Sunday:\nKarvina 2 Zlin 1\nOpava 0 "
     "Jihlava 3",
     "Zlin/ORGANIZATION",
     "sports.result_away: result lines are teams after one word of sport (three before)"},
    {"Results of Czech second division soccer matches on Sunday:\nKarvina 2 Zlin 1\nOpava 0 "
     "Jihlava 3",
     "Opava/ORGANIZATION", "sports.result_home: the same for the home team"},
    {"Our guide, Devon \"Bush T\" Campbell-Reid, knows every trail.",
     "Devon \"Bush T\" Campbell-Reid/PERSON",
     "person.nickname: a given name that is a place's, a nickname with an initial"},
    {"The film stars Paolo \"Pao\" Dimaculangan-Reyes as the farmer.",
     "Paolo \"Pao\" Dimaculangan-Reyes/PERSON",
     "person.nickname: a nickname that is a place's name"},
    {"Alhaji Musa Garba Dankano, the party chairman, spoke first.", "Musa Garba Dankano/PERSON",
     "titles.tsv: Alhaji stays outside the name"},
    {"She was born to a farmer and Madam Comfort Ajike Osei, a trader.",
     "Comfort Ajike Osei/PERSON", "titles.tsv: Madam stays outside the name"},
    {"The paramount chief, Togbe Kwasi Dzakpasu IV, opened the school.",
     "Kwasi Dzakpasu IV/PERSON", "titles.tsv: Togbe, an Ewe chief's title"},
    {"Chief Whip Mark Pendleton said the vote would be close.", "Mark Pendleton/PERSON",
     "person.title_words: capitalised words that complete a title stay outside the name"},
    {"Chief Medical Officer Chris Okonkwo-Hale spoke first.", "Chris Okonkwo-Hale/PERSON",
     "person.title_words: the same for two words"},
    {"Foreign Minister Silvan Shalom said he would go.", "Silvan Shalom/PERSON",
     "person.title: a common word before a one-word name after a title opens the name"},
    {"The prize went to the novelist Wanjiru wa Kamau on Friday.", "Wanjiru wa Kamau/PERSON",
     "cues.tsv: wa, a particle of Kikuyu names"},
    {"Its director, Kibet arap Soi, said the play would tour.", "Kibet arap Soi/PERSON",
     "cues.tsv: arap, a particle of Kalenjin names"},
    {"FLIN FLON, Man. — A bush pilot who flew mail across the north has died.",
     "FLIN FLON/LOCATION",
     "loc.dateline: a region's abbreviation that ends a sentence before the dash (\"Man.\")"},
    {"FLIN FLON, Man. — A bush pilot who flew mail across the north has died.", "Man./LOCATION",
     "loc.dateline_country: the same abbreviation is the region"},
    {"Lorries crawl along the Karakoram Highway (KKH) in summer. The KKH closes in winter.",
     "KKH/LOCATION", "resolver: an abbreviation in brackets after a place's name is the place"},
    {"The Central Bank of Sri Lanka kept its rate at 8.25%.",
     "Central Bank of Sri Lanka/ORGANIZATION",
     "resolver: an institution before \"of\" and a country, a town's name among its words"},
    {"Scientists at Fisheries and Oceans Canada said the run was late.",
     "Fisheries and Oceans Canada/ORGANIZATION",
     "org.word_country: common words joined by \"and\" before a country"},
    {"Water was cut in parts of Nelson Mandela Bay for weeks.", "Nelson Mandela Bay/LOCATION",
     "resolver: a place built by its head word on a known person is the place"},
    {"\"It works,\" said Dr. Aiko Tanabe-Ross, a biologist. \"It is cheap,\" Tanabe-Ross said.",
     "Tanabe-Ross/PERSON",
     "resolver: a double-barrelled surname alone is the person's, not a town and a surname"},
    {"Ranger Shania Walker-Doolan said the nests were safe.", "Shania Walker-Doolan/PERSON",
     "titles.tsv: a capitalised Ranger is a rank"},
    {"GLOUCESTER POINT, Va. — Oyster reefs rebuilt in three rivers are thriving.",
     "GLOUCESTER POINT/LOCATION",
     "loc.dateline_words: a dateline's place whose name holds a common word"},
    {"A funeral mass will be held at St Aidan's Church on Friday.",
     "St Aidan's Church/LOCATION",
     "loc.saint_building: a church named after a saint is a building, a place"},
    {"The choir sang at Holy Trinity Cathedral in the evening.",
     "Holy Trinity Cathedral/LOCATION", "loc.saint_building: the same for a holy name"},
    {"The Roman Catholic Church opposed the bill.", "Roman Catholic Church/ORGANIZATION",
     "a denomination stays an organisation"},
    {"Deputy Minister Abdul-Wahid al-Mansouri arrived on Sunday.",
     "Abdul-Wahid al-Mansouri/PERSON", "person.title: a name that opens with a particle"},
    {"\"We will appeal,\" said club chairman Abdul Karimu.", "Abdul Karimu/PERSON",
     "person.role: the same after a role in lower case"},
    {"Power went down in Kittredge County and Oakes County after the storm.",
     "Kittredge County/LOCATION",
     "classes.rules: a capitalised County is a place head word after any name, as Province is"},
    {"Deputy mayor Cr Aroha Whitfield said the council would help.", "Aroha Whitfield/PERSON",
     "titles.tsv: Cr, the councillor of Australian and New Zealand councils, stays outside"},
    {"The prize went to the carver R. J. \"Rusty\" Pennington-Hale, who wept.",
     "R. J. \"Rusty\" Pennington-Hale/PERSON",
     "person.nickname: initials before a nickname in quotes, one sentence"},
    {"The ribbon was cut by Mereana \"Mere\" Tautahi, aged nine.",
     "Mereana \"Mere\" Tautahi/PERSON",
     "person.nickname: a given name no list holds before the nickname"},
    {"The club's treasurer, Pat \"The Hammer\" Gilhooly, kept the books.",
     "Pat \"The Hammer\" Gilhooly/PERSON", "person.nickname: The inside the quotes"},
    {"Roads were cut in the districts of Nakuru and Mogotio.", "Mogotio/LOCATION",
     "loc.list_from_last: after of, a list that holds a known place"},
    {"Clinics opened in several towns, including Kisumu, Ahero and Awasi.", "Awasi/LOCATION",
     "loc.list_from_last: after including, the same"},
    {"The figures were published by Statistics Norway on Friday.", "Statistics Norway/ORGANIZATION",
     "org.word_country: a capitalised common word before a country names a public body"},
    {"The ferry sails from Port Tarrant twice a week.", "Port Tarrant/LOCATION",
     "classes.rules: a capitalised Port opens a place's name"},
    {"He trained for two years at Fort Kessling before the war.", "Fort Kessling/LOCATION",
     "cues.tsv: Fort opens a place's name"},
    {"The start-up is backed by Marrow Creek Capital and two banks.",
     "Marrow Creek Capital/ORGANIZATION",
     "classes.rules: a capitalised Capital ends a firm's name (capital moves to PROVINCE_WORD)"},
    {"The deal was arranged by Tessaly Asset Management in London.",
     "Tessaly Asset Management/ORGANIZATION", "cues.tsv: Management ends a firm's name"},
    {"The bridge was built by Halvard Construction last year.",
     "Halvard Construction/ORGANIZATION", "cues.tsv: Construction ends a firm's name"},
    {"Enrolment at Juaben Senior High rose to 1,500 under him.",
     "Juaben Senior High/ORGANIZATION", "cues.tsv: Senior High ends a school's name"},
    {"He was the son of the cocoa farmer Opanin Kwame Darko.", "Kwame Darko/PERSON",
     "titles.tsv: Opanin is an honorific, outside the name"},
    {"Her winery, Marani Tsiklauri, now makes 15,000 bottles a year.",
     "Marani Tsiklauri/ORGANIZATION", "org.after_kind_commas: a winery is a kind of firm"},
    {"The show opened with the gamelan ensemble Sekar Lestari on Saturday.",
     "Sekar Lestari/ORGANIZATION", "org.after_kind: an ensemble is a kind of group"},
    {"They lost to Bornova Spor Kulübü on Sunday.", "Bornova Spor Kulübü/ORGANIZATION",
     "cues.tsv: Spor and Kulübü end a Turkish club's name"},
    {"A stoppage-time header at FNB Stadium gave the visitors the win.", "FNB Stadium/LOCATION",
     "loc.head_suffix: a known organisation before a place head word names a venue"},
    {"She is expected to be sworn in at the Manitoba Legislative Building next month.",
     "Manitoba Legislative Building/LOCATION", "cues.tsv: Building, Ballroom, Oval"},
    {"LONDON — Shares in Carrow & Finch plc fell 9 per cent on Wednesday.",
     "Carrow & Finch plc/ORGANIZATION", "org.ampersand: a legal form in lower case ends it"},
    {"In the 1980s he led the band Egypt 80; his sons play with it still.",
     "Egypt 80/ORGANIZATION", "ctx.band: a country's name and a number"},
    {"Residents fled after the pro-government militia Ahlu Sunna Waljama took control.",
     "Ahlu Sunna Waljama/ORGANIZATION",
     "org.after_group: government in lower case is no head word before the group word"},
    {"The Ministry of Jal Shakti is a ministry of the Government of India.",
     "Government of India/ORGANIZATION", "cues.tsv: a capitalised Government before \"of\""},
    {"Kenya's National Commission on Human Rights says both sides erred.",
     "National Commission on Human Rights/ORGANIZATION",
     "org.head_prefix: \"on\" and the words of a subject"},
    {"His first cookbook was published by Murdoch Books in 2015.", "Murdoch Books/ORGANIZATION",
     "cues.tsv: publishers' head words (Books, Publishing, Publishers)"},
    {"She is a graduate of the Hanoi Conservatory and plays the violin.",
     "Hanoi Conservatory/ORGANIZATION", "cues.tsv: Conservatory, Conservatoire, Library"},
    {"On her return she joined the Botanical Survey of India (BSI) and led trips to the hills.",
     "Botanical Survey of India/ORGANIZATION",
     "an abbreviation in brackets gives the extent of the name before it, with its place"},
    {"Officials said the Philippine Atmospheric, Geophysical and Astronomical Services "
     "Administration (PAGASA) had issued a warning for the coast.",
     "Philippine Atmospheric, Geophysical and Astronomical Services Administration/ORGANIZATION",
     "an abbreviation in brackets: the initials over commas and \"and\""},
    {"Most of the crowd at the Estadio do Dragao stood.", "Estadio do Dragao/LOCATION",
     "loc.head_of: a place head word and a particle of another language before the name"},
    {"The railway runs through the Karavan Tunnel and past the Ostrov Crater.",
     "Karavan Tunnel/LOCATION", "place head words Tunnel, Crater, Gorge, Canyon, Creek, Beach"},
    {"Mere Tuilau, who leads the conservation group Moana Futures Fiji, spoke.",
     "Moana Futures Fiji/ORGANIZATION",
     "org.after_group: a group word, a name opening with a given name"},
    {"He directs the human rights group Heirs of Justice, based in Bukavu.",
     "Heirs of Justice/ORGANIZATION", "org.after_group: a group's name holding \"of\""},
    {"She recorded two albums for the Lisbon label Vento Norte, which closed in 2009.",
     "Vento Norte/ORGANIZATION",
     "org.after_kind: \"label\" is a kind word (it was another symbol's)"},
    {"Mwangi urged the Energy and Petroleum Regulatory Authority to act.",
     "Energy and Petroleum Regulatory Authority/ORGANIZATION",
     "org.head_suffix: a head word that opens the name before \"and\""},
    {"She worked at the Bank of Thailand (BOT) for years. She joined the BOT in 1997.",
     "BOT/ORGANIZATION", "an abbreviation with the letter of \"of\", defined in brackets"},
    {"The band is the guitarist Park Ji-hoon and the drummer Choi Min-jae.", "Park Ji-hoon/PERSON",
     "person.syllables: a family name that is a place head word, a given name of two syllables"},
    {"The band is the guitarist Park Ji-hoon and the drummer Choi Min-jae.", "Choi Min-jae/PERSON",
     "person.syllables: a first syllable that is a title's abbreviation"},
    {"Exports are strong, said Park Ji-hoon, an economist in Seoul. Park warned of a slowdown.",
     "Park/PERSON", "the family name first alone, after a name with a two-syllable given name"},
    {"Profits rose, said Jung Dae-sung, the firm's founder.", "Jung Dae-sung/PERSON",
     "person.syllables: a second syllable that lists of names hold"},
    {"Artists on its roster include the singer-songwriter June Okafor and a soul group.",
     "June Okafor/PERSON", "person.title_month: a month that is a given name, after a role"},
    {"BENGALURU — When Vikram Iyer left his job, he moved home.", "Vikram Iyer/PERSON",
     "person.after_opener: a capitalised word after a dateline's dash is no part of the name"},
    {"The wave of the future.\nProducer Zulima Palacio prepared this report.",
     "Zulima Palacio/PERSON", "person.after_opener_unknown: an unknown word and a surname"},
    {"The University of Lagos, commonly known as UNILAG, is a public university. She taught law "
     "at UNILAG.",
     "UNILAG/ORGANIZATION", "a name known as another is of its type, also after \"at\""},
    {"Clube de Regatas do Flamengo, commonly known as Flamengo, is a sports club in Rio.",
     "Clube de Regatas do Flamengo/ORGANIZATION",
     "cues.tsv: head words of other languages, joined by their particles"},
    {"Shares in Barclays plc fell.", "Barclays plc/ORGANIZATION",
     "org.known_legal: a known company and its legal form in lower case"},
    {"Acme Holdings, Inc. reported a loss.", "Acme Holdings, Inc./ORGANIZATION",
     "a legal suffix after a comma"},
    {"He works for BioVest Research, Inc.", "BioVest Research, Inc/ORGANIZATION",
     "a legal suffix after a comma, the sentence's period outside"},
    {"The final was played at Cairo International Stadium on Friday.",
     "Cairo International Stadium/LOCATION", "a facility's head word after a place"},
    {"The Duke Ellington Orchestra toured Europe.", "Duke Ellington Orchestra/ORGANIZATION",
     "org.title_name_head: a title and a name before an organisation's head"},
    {"Flights landed at King Fahd International Airport.",
     "King Fahd International Airport/LOCATION",
     "loc.title_name_head: a title and a name before a place's head"},
    {"The Museum of Modern Art acquired the painting.", "Museum of Modern Art/LOCATION",
     "loc.head_of: a place's head word, of and capitalised words"},
    {"The City of Cape Town approved the plan.", "City of Cape Town/LOCATION",
     "loc.city_of_name: a capitalised City of"},
    {"Donors gave to The Nature Conservancy.", "The Nature Conservancy/ORGANIZATION",
     "a name whose The belongs to it"},
    {"Daryl Hall & John Oates played.", "Daryl Hall/PERSON", "person.pair_first"},
    {"Daryl Hall & John Oates played.", "John Oates/PERSON", "person.pair_second"},
    {"Flights to Dallas-Fort Worth resumed.", "Dallas-Fort Worth/LOCATION",
     "loc.hyphen_pair: places joined by a hyphen"},
    {"-- Luli Popescu, Bucharest Newsroom 40-1 3120264", "Bucharest Newsroom/ORGANIZATION",
     "a wire service's newsroom, by its head word"},
    {"Officials at the U.S. Embassy in Baghdad said so.", "U.S. Embassy/ORGANIZATION",
     "a dotted abbreviation before a head word"},
    {"A. Ranatunga lbw b Fleming 0", "A. Ranatunga/PERSON",
     "person.initials: an initial A. is no article"},
    // Context cues (rules/context.rules), one case each.
    {"He joined the band Blorptown in 1999.", "Blorptown/ORGANIZATION", "ctx.band"},
    {"Zentrix's album sold well.", "Zentrix/ORGANIZATION", "ctx.album"},
    {"The Kevin Costner Band played.", "Kevin Costner Band/ORGANIZATION", "ctx.band_name"},
    {"Dravia beat Kelmont 3-1 on Saturday.", "Dravia/ORGANIZATION", "ctx.score_home"},
    {"Dravia beat Kelmont 3-1 on Saturday.", "Kelmont/ORGANIZATION", "ctx.score_away"},
    {"Pale Harbour are an American indie rock band from Portland.", "Pale Harbour/ORGANIZATION",
     "ctx.is_a: a band from a place, over the place head word Harbour"},
    {"Public Enemy are an American hip hop group formed in 1985.", "Public Enemy/ORGANIZATION",
     "ctx.is_a: a name of common words"},
    {"Thornfield Athletic Football Club is based in Marlow.",
     "Thornfield Athletic Football Club/ORGANIZATION",
     "org.head_suffix: a sports word before the head word is part of the name"},
    {"He played for Kent County Cricket Club.", "Kent County Cricket Club/ORGANIZATION",
     "org.head_suffix: a county's club"},
    {"The final was played at the National Tennis Centre.", "National Tennis Centre/LOCATION",
     "cues.tsv: a tennis centre is a venue, a place"},
    {"Its home ground is the Stadio Comunale Enzo Ricci.", "Stadio Comunale Enzo Ricci/LOCATION",
     "cues.tsv: Stadio, Estadio, Stade and Stadion open a stadium's name (it was a person)"},
    {"Crowds filled the Beijing Olympic Stadium.", "Beijing Olympic Stadium/LOCATION",
     "loc.head_suffix: a sports word before the place head word"},
    {"The Greenhill Tigers, a semi-professional rugby league club from Leeds, were founded in "
     "1952.",
     "Greenhill Tigers/ORGANIZATION",
     "ctx.company_apposition: sports words and hyphenated words before the kind, from after it"},
    {"He was born in Saint-Aubin-sur-Loire in 1950.", "Saint-Aubin-sur-Loire/LOCATION",
     "loc.linked_name: hyphenated words around sur are one place"},
    {"Sainte-Marie-aux-Mines is small.", "Sainte-Marie-aux-Mines/LOCATION",
     "loc.linked_name: not the known place before the link alone"},
    {"Les Ferdinand scored twice.", "Les Ferdinand/PERSON",
     "loc.linked_name: Les is a given name, not the place word les"},
    {"He plays for Premier League club Brentford.", "Brentford/ORGANIZATION",
     "org.after_kind: a lower-case club before a name (KIND_WORD)"},
    {"The Yugoslav news agency Velkor reported it.", "Velkor/ORGANIZATION",
     "org.after_kind: a lower-case agency before a name"},
    {"He began his career at Enugu Rangers in Nigeria.", "Enugu Rangers/ORGANIZATION",
     "cues.tsv: Rangers is a club's head word"},
    {"SOCCER - ENGLISH LEAGUE RESULTS.\nLondon, Saturday: results of English league soccer "
     "matches:\nBristol Rovers 1 Stockport 1\nBury 4 Wycombe 0",
     "Stockport/ORGANIZATION", "sports.result_away: the home team's name may end in a head word"},
    {"The Tamworth Players is an amateur theatre company founded in 1946.",
     "Tamworth Players/ORGANIZATION", "ctx.is_a: a place and a word after it, after The"},
    {"Boston Dynamics is an American robotics company.", "Boston Dynamics/ORGANIZATION",
     "ctx.is_a: a place read as a given name, and a word after it"},
    {"Nairobi City Stars is a Kenyan professional football club.",
     "Nairobi City Stars/ORGANIZATION", "ctx.is_a: a place, City and a word"},
    {"Ostrava Steelworks (Czech: Ostravské železárny) was a steel company.",
     "Ostrava Steelworks/ORGANIZATION", "ctx.is_a: an aside in brackets before the copula"},
    {"The Hallé is a symphony orchestra based in Manchester.", "Hallé/ORGANIZATION",
     "ctx.is_a: a place's name alone, an orchestra"},
    {"Chelsea is a football club based in London.", "Chelsea/ORGANIZATION",
     "ctx.is_a: a given name alone, a club"},
    {"Apple is an American technology company.", "Apple/ORGANIZATION",
     "ctx.is_a: a given name that is a common word alone, a company"},
    {"Vestbygda is a village in Lindesnes municipality. Vestbygda Church was built in 1841.",
     "Vestbygda/LOCATION", "ctx.is_a_place: a name the sentence says is a village"},
    {"The Daily Meridian is a broadsheet newspaper published in Leeds.",
     "Daily Meridian/ORGANIZATION", "ctx.is_a: a name opening with a head word; published"},
    {"The brothers Joel and Ethan Coen directed it.", "Joel/PERSON",
     "person.shared_surname: two given names before one surname are two people"},
    {"Marie and Pierre Curie won the prize.", "Marie/PERSON",
     "person.shared_surname: a surname that is also a common word"},
    {"Halbrook Estates, a subsidiary of Berkeley Group, said it would appeal.",
     "Halbrook Estates/ORGANIZATION", "ctx.company_apposition: a subsidiary of a company"},
    {"Rosneft bought the production unit Velgaraneft in 2004.", "Velgaraneft/ORGANIZATION",
     "org.after_kind: a company's unit before its name"},
    {"The exhibition, organised by the Whitworth Gallery, runs until March.",
     "Whitworth Gallery/LOCATION", "cues.tsv: a gallery is a venue, as a museum is"},
    {"The Welsh Farmers' Union met on Monday.", "Welsh Farmers' Union/ORGANIZATION",
     "org.head_suffix: a common plural's apostrophe stays inside the name"},
    {"The Veterans' Affairs Department said so.", "Veterans' Affairs Department/ORGANIZATION",
     "org.head_suffix: a plural's apostrophe, then more words before the head"},
    {"Analysts at Jefferies raised their price target.", "Jefferies/ORGANIZATION",
     "ctx.staff_at: where analysts work is a firm, not a place"},
    {"Economists at A.G. Edwards & Sons expect a cut.", "A.G. Edwards & Sons/ORGANIZATION",
     "ctx.staff_at: a firm's name with initials and &"},
    {"It was founded by engineers at Texas Instruments. The company is listed.",
     "Texas Instruments/ORGANIZATION", "ctx.staff_at: the name stops at the sentence's end"},
    {"Tokyo-listed Hanami Robotics agreed to buy it.", "Hanami Robotics/ORGANIZATION",
     "cues.tsv: Robotics is a company's head word"},
    {"SOCCER - SCOTTISH LEAGUE STANDINGS.\nStandings in the Scottish league soccer championship "
     "after the matches:\nDundee 3 1 2 0 3 2 5\nSt Mirren 3 1 1 1 5 4 4",
     "St Mirren/ORGANIZATION", "sports.standings: a team's name may open with a place head word"},
    {"Envoy Christopher Hill met the delegation. Hill said talks went well.",
     "Christopher Hill/PERSON",
     "a place head word that is a frequent surname, after a given name, is a surname"},
    {"Former foreign secretary Douglas Hurd spoke.", "Douglas Hurd/PERSON",
     "a place that is a given name people often have starts a personal name"},
    {"The band is directed by Dr Warren Hill.", "Warren Hill/PERSON",
     "a place head word that is a frequent surname, after a title and a given name that is also "
     "a word"},
    {"Margaret \"Peggy\" O'Donnell, a teacher, died on Tuesday.",
     "Margaret \"Peggy\" O'Donnell/PERSON", "person.nickname: a nickname in quotes is inside"},
    {"Researchers at the Max Planck Institute for Evolutionary Anthropology found it.",
     "Max Planck Institute for Evolutionary Anthropology/ORGANIZATION",
     "org.known_of: a known organisation, for and capitalised common words"},
    {"She taught at St. Brendan's School in Dorchester.", "St. Brendan's School/ORGANIZATION",
     "org.saint_possessive: a saint's possessive inside an institution's name"},
    {"Stephen King wrote a new novel.", "Stephen King/PERSON",
     "a title that is a frequent surname, after a given name, ends the name"},
    {"Martin Luther King Jr. spoke in Memphis.", "Martin Luther King Jr./PERSON",
     "a title that is a surname, before a generational suffix"},
    {"He studied at Florida A&M University.", "Florida A&M University/ORGANIZATION",
     "letters joined by & are initials, not the article A"},
    {"The council approved a renovation of Kendall Park on Tuesday.", "Kendall Park/LOCATION",
     "a place head word that is a surname less frequent than Hill (kLexSurnameTop) stays a place"},
    {"Residents of Forest Hill complained.", "Forest Hill/LOCATION",
     "a given name that is also a common word keeps the place"},
    {"The All Blacks beat the Wallabies 30-10 in Sydney.", "Wallabies/ORGANIZATION",
     "organizations.tsv: a national team's nickname that is a common word, capitalised"},
    {"Velcor's chairman said so.", "Velcor/ORGANIZATION",
     "org.before_role: the possessive 's is its own symbol, ' (it was read as a word)"},
    {"The Sandinista People's Liberation Front claimed it.",
     "Sandinista People's Liberation Front/ORGANIZATION",
     "org.head_suffix: a common word's possessive inside the name"},
    {"Protests in Kelvar Province grew.", "Kelvar Province/LOCATION",
     "loc.head_suffix: a capitalised Province is part of the name"},
    {"Troops entered Kelvar province.", "Kelvar/LOCATION",
     "loc.province: a lower-case province stays outside (PROVINCE_WORD)"},
    {"Clashes in North West Frontier Province rose.", "North West Frontier Province/LOCATION",
     "loc.head_suffix: the head word joins a known region and a word to one name"},
    {"The Braves beat the Cubs 5-3 on Sunday.", "Cubs/ORGANIZATION",
     "organizations.tsv: a team's nickname, capitalised inside the sentence"},
    {"She signed with Quorvant last week.", "Quorvant/ORGANIZATION", "ctx.signed_with"},
    {"In 2020 the bank was acquired by Delmora.", "Delmora/ORGANIZATION", "ctx.acquired_by"},
    {"It merged with Valtrix in 2004.", "Valtrix/ORGANIZATION", "ctx.acquired_by: merged with"},
    {"It was a subsidiary of Nedlloyd until 1997.", "Nedlloyd/ORGANIZATION", "ctx.part_of"},
    {"Velmora, a company based in Ohio, cut jobs.", "Velmora/ORGANIZATION",
     "ctx.company_apposition"},
    {"Apollo Tyres, the Gurgaon-based tyre maker, reported a rise in profit.",
     "Apollo Tyres/ORGANIZATION",
     "ctx.company_apposition_closed: a given name first, a place's -based before the kind"},
    {"The mayor of Brelton resigned.", "Brelton/LOCATION", "ctx.mayor_of"},
    {"Vetrano FC is a football club based in Vetrano, Sicily.", "Vetrano/LOCATION",
     "loc.town_region: an unknown town and its region, over the club's short name"},
    {"The storm made landfall near Siesta Key, Florida, on Wednesday.", "Siesta Key/LOCATION",
     "loc.town_region: common words and a head word before the region"},
    {"He lives on the outskirts of Tarvik.", "Tarvik/LOCATION", "ctx.outskirts_of"},
    {"He spoke to radio station WXYZ on Monday.", "WXYZ/ORGANIZATION", "ctx.call_sign"},
    {"He spoke to KQED-FM on Monday.", "KQED-FM/ORGANIZATION", "ctx.call_sign_band"},
    {"Leeds beat Chelsea 2-0 in the league on Sunday.", "Leeds/ORGANIZATION",
     "a city that beats another by a score is its team"},
    {"SOCCER - LEAGUE.\nThe striker, who joined Newcastle in the league, scored a goal in the "
     "championship.",
     "Newcastle/ORGANIZATION", "ctx.sports_joined"},
    {"SOCCER - LEAGUE.\nThe striker joined Milan from Torino in the league championship.",
     "Torino/ORGANIZATION", "ctx.sports_joined_from"},
    {"The midfielder, who joined Newcastle for 15 million pounds, played in the league.",
     "Newcastle/ORGANIZATION", "ctx.sports_joined: two sports words make the story a sports one"},
    {"SOCCER - LEAGUE.\nNorwich striker Keith O'Neill scored in the league championship.",
     "Norwich/ORGANIZATION", "ctx.sports_player"},
    {"Police said the Velmari National Party won the vote.", "Velmari National Party/ORGANIZATION",
     "resolver:full-name: unknown capitalised words before a known organisation ending in its "
     "head word are its full name"},
    {"The U.S. Army Corps of Engineers rebuilt the levees.",
     "U.S. Army Corps of Engineers/ORGANIZATION",
     "resolver:joined: two organisations that overlap are one name"},
    {"The U.N. Office of Project Services hired him.",
     "U.N. Office of Project Services/ORGANIZATION",
     "resolver:joined: a rule's U.N. Office and the Office of a name"},
    // The document decides short forms.
    {"The footballer Alan Shearer was named captain.\nShearer takes the captaincy on trial.",
     "Shearer/PERSON",
     "a surname that is also a word, opening a sentence, after the full name (the document "
     "never writes it in lower case)"},
    {"Vellmark is a Norwegian shipping company. In 2019 Vellmark merged with Nordhavn Line to "
     "form Vellmark Nordhavn.",
     "Vellmark Nordhavn/ORGANIZATION",
     "resolver:organisation-first: a name opening with the document's organisation is no person"},
    {"The seat maker agreed to be acquired by Magna International Inc.\nMagna was up 1/8 on the "
     "New York Stock Exchange.",
     "Magna/ORGANIZATION",
     "a short name of the company the document names in full, over a town of that name"},
    {"Its editor joined from The Guardian in 2017.", "The Guardian/ORGANIZATION",
     "a capitalised The in running text before a known name that is a common word is the "
     "name's"},
    {"He wrote a column for The Times.", "The Times/ORGANIZATION",
     "a capitalised The before a newspaper's head word"},
    {"He told The Associated Press on Friday.", "Associated Press/ORGANIZATION",
     "before a longer name, a capitalised The stays outside, as other determiners do"},
    {"The Guardian said on Monday.", "Guardian/ORGANIZATION",
     "The opening a sentence is only capitalised"},
    {"The firm advised Boeing on its purchase of Spirit AeroSystems.",
     "Spirit AeroSystems/ORGANIZATION",
     "resolver:camel-case: a name ending in a word in camel case is a company's, not a person"},
    {"The video was posted on YouTube on Monday.", "YouTube/ORGANIZATION",
     "resolver:camel-case: one word in camel case, not a place after on"},
    {"Officers from Thames Valley Police arrived at the scene on Monday.",
     "Thames Valley Police/ORGANIZATION",
     "an organisation built by its head word on a known region is the name"},
    {"It was staged by the Thames Valley Theatre Company in the spring.",
     "Thames Valley Theatre Company/ORGANIZATION",
     "a region, a place head word and an organisation head word"},
    {"Manchester United beat Aston Villa 3-1 at Old Trafford on Saturday. The result lifts "
     "United to fifth in the league.",
     "United/ORGANIZATION", "resolver:club-short-name: a club of two words is known by its second"},
    {"Manchester United beat Aston Villa 3-1 at Old Trafford on Saturday.\nVilla manager Unai "
     "Emery said his side had been punished.",
     "Villa/ORGANIZATION",
     "resolver:club-short-name: opening a sentence, when the document never writes it in lower "
     "case"},
    {"He studied at Saint Joseph's University.", "Saint Joseph's University/ORGANIZATION",
     "a listed name around a listed place of another type is the name"},
    {"The United States Air Force grounded the jets.", "United States Air Force/ORGANIZATION",
     "a listed organisation around a listed country is the organisation"},
    // What the vetoes leave alone.
    {"The Reserve Bank of India (RBI) raised rates.", "RBI/ORGANIZATION",
     "the bank's acronym, with no number before it"},
    {"The president began a tour of Germany on Monday.", "Germany/LOCATION",
     "a visit (lower-case tour) keeps its place"},
    {"Boeing said on Monday it would build more jets.", "Boeing/ORGANIZATION",
     "the maker alone stays a company"},
};

// What the cues must not do.
const std::vector<NameCase> kNotNames = {
    {"He has an address at Retreat Heights, Athlone, Co Westmeath, and pleaded guilty.",
     "Athlone, Co/ORGANIZATION",
     "org.legal_comma: a legal form before a capitalised word ends no company's name"},
    {"A letter from Kiprono and Wanjiru was read out.", "Wanjiru/LOCATION",
     "loc.list_from_last: after from, a list of no known place is no list of places"},
    {"He moved to Britain and Jones followed him a year later.", "Jones/LOCATION",
     "loc.list_from_last: a name that opens with a surname ends no list of places"},
    {"He joined Halvorsen Energy (Norway) in 2004.", "Norway/ORGANIZATION",
     "resolver: a known place in brackets after a company stays a place"},
    {"Flooding hit Towson, Md. The county closed roads.", "Md./PERSON",
     "tokenizer: Md. after a comma stays Maryland"},
    {"He met Assistant Secretary of State Hill on Monday.", "State Hill/LOCATION",
     "loc.head_suffix: a kind of place opens no place's name after of"},
    {"Traffic on the Kampala-Jinja highway was slow.", "Kampala-Jinja/PERSON",
     "person.double_barrelled: two places joined by a hyphen stay places"},
    {"He thanked Presidents Janusz Nowak of Poland and Darius Kalnins of Latvia.",
     "Darius Kalnins/LOCATION", "loc.list_from_last: a name before of ends no list of places"},
    {"\"But Norway cannot wait,\" he said.", "But Norway/ORGANIZATION",
     "org.word_country: not the first word of a quotation"},
    {"Pace trio David Millns took two wickets.", "David Millns/ORGANIZATION",
     "ctx.band: a trio of bowlers named by a person's name is no band"},
    {"Meanwhile, Russia — which denies it — said the talks would go on.", "Meanwhile/LOCATION",
     "loc.dateline_unknown: a common word before a country and a dash is no dateline"},
    {"She works at the Max Planck Institute for Radio Astronomy in Bonn.",
     "Radio Astronomy/ORGANIZATION",
     "org.head_first: not after a capitalised word and \"for\", inside a longer name"},
    {"The advocacy group quotes Radio Shabelle's deputy director.", "Radio Shabelle's/ORGANIZATION",
     "org.head_first: the possessive stays outside"},
    {"They signed an import deal with Hollis & Grant Imports, LLC of Portland, Oregon.",
     "LLC of Portland/ORGANIZATION", "org.head_prefix: a legal suffix after a comma"},
    {"Past pupils include the broadcaster Siobhán Keane, who presented the news.",
     "Siobhán Keane/ORGANIZATION", "org.after_kind: a trade that names people too"},
    {"A spokeswoman for the U.N. agency, Fadela Chaib, said the outbreak was contained.",
     "Fadela Chaib/ORGANIZATION", "org.after_kind_commas: not a person who speaks"},
    {"AMMAN - Sahl Houran, a five-piece rock band from Irbid, has sold out two nights. The "
     "ministry has invited Sahl Houran to play at a festival.",
     "Sahl Houran/PERSON",
     "the document decides: a name of two words a weak rule reads as a person takes the type "
     "the text gives it elsewhere"},
    {"Officials of Seselj's Radical Party dismissed the allegations.",
     "Seselj's Radical Party/ORGANIZATION",
     "org.head_suffix: a name's singular possessive stays outside"},
    {"The maps are used by Wody Polskie, the national water authority.",
     "Wody Polskie/PERSON", "cues.tsv: Water is a head word only capitalised"},
    {"The tour ended with a sold-out concert at the Eko Convention Centre on Victoria Island.",
     "Eko Convention Centre on Victoria Island/ORGANIZATION",
     "org.head_prefix: \"on\" and a place name where it stands"},
    {"It was reported on National Public Radio Monday.", "Radio Monday/ORGANIZATION",
     "org.head_first: not after a capitalised word"},
    {"He is the secretary of the Rally for the Return of Refugees and Democracy in Rwanda "
     "(RDR), which is based in the camps.",
     "Refugees and Democracy in Rwanda/ORGANIZATION",
     "an abbreviation in brackets names no end of a longer name it is not the initials of"},
    {"Officials said the growth of Gross Domestic Product (GDP) had slowed in the quarter.",
     "Gross Domestic Product/ORGANIZATION",
     "an abbreviation in brackets makes no organisation of words with no head or place"},
    {"Putin-backed rebels and a George Bush-appointed judge met.", "George Bush-appointed/PERSON",
     "a common word after a name's hyphen is no syllable of the name"},
    {"Hong Kong Financial Secretary Donald Tsang said so.", "Hong Kong Financial/ORGANIZATION",
     "a region before a weak head word and a title stays a place"},
    {"Stocks fell, analyst Hong Kong traders said.", "Hong Kong/PERSON",
     "a role before a place of two words names no person"},
    {"The Lagos Metropolitan Area Transport Authority runs it.", "Area Transport/PERSON",
     "words after a title that run into a head word name no person"},
    {"Procter & Gamble rose.", "Procter/PERSON", "one word on a side of & stays a firm"},
    {"Total shares to be offered 2.5 million.", "Total/ORGANIZATION",
     "ctx.shares_after_known: a known name that is a common word opening a line is that word"},
    {"He won the Nunthorpe Stakes at York.", "Nunthorpe/ORGANIZATION",
     "a race's Stakes are no shares"},
    {"The Chicago NAPM index rose in May.", "Chicago NAPM/PERSON",
     "resolver:person-after-town: not a large city's main name, nor before an acronym"},
    {"Flights from Kabul-Salang resumed.", "Kabul-Salang/PERSON",
     "resolver:person-after-town: not a hyphenated pair"},
    {"It is a company that makes tools.", "It/ORGANIZATION", "ctx.is_a: a pronoun is no name"},
    {"Goldman Sachs of New York said so.", "Goldman Sachs of New York/ORGANIZATION",
     "org.known_of: not a place after of"},
    {"John Smith, a company spokesman, said so.", "John Smith/ORGANIZATION",
     "ctx.company_apposition_closed: a word after the kind"},
    {"The house was bought by Kelvar Dunmore.", "Kelvar Dunmore/ORGANIZATION",
     "ctx.acquired_by: not a name that a given name or surname opens"},
    {"DD Acquisition Corp. said it would bid.", "Corp./ORGANIZATION",
     "ctx.acquired_by: its words count in lower case only (DEAL is lower)"},
    {"Jordan's King Abdullah met the envoy.", "King Abdullah/PERSON",
     "a title before a name stays a title"},
    {"Aston Villa won again. The villa was sold.\nVilla owners said so.", "Villa/ORGANIZATION",
     "resolver:club-short-name: a word the document writes in lower case, opening a sentence"},
    {"MaliVai Washington beat him in straight sets.", "MaliVai Washington/ORGANIZATION",
     "a word in camel case first in a name leaves it a person's"},
    {"Tom Kelvar was a town councillor in Leeds.", "Tom Kelvar/LOCATION",
     "ctx.is_a_place: the kind ends the phrase"},
    {"The club was founded in 1987 as Nairobi Stima.", "Nairobi Stima/PERSON",
     "a major place that is a rare given name (kLexGivenRare) starts no personal name"},
    {"Wheat in the Texas Panhandle suffered.", "Texas Panhandle/PERSON",
     "a region of millions that is a rare given name starts no personal name"},
    {"Jorvan is a party member.", "Jorvan/ORGANIZATION",
     "ctx.is_a: a kind word before another noun describes the person"},
    {"Kelvar is a member of the band.", "Kelvar/ORGANIZATION",
     "ctx.is_a: the band is what the name is a member of"},
    {"The firm floated its shares in Hungary in July.", "Hungary/ORGANIZATION",
     "ctx.shares_of: shares in a country are sold there"},
    {"Shares in Spanish oil group Repsol rose.", "Spanish/ORGANIZATION",
     "ctx.shares_of: a demonym is no company"},
    {"Producer prices rose 0.2 percent. PRODUCER PRICES (%) Jun 0.2", "PRICES/PERSON",
     "producer alone is no role: producer prices"},
    {"He rode for the Jockey Club in June.", "Club/ORGANIZATION",
     "jockey is no role before a name: the Jockey Club"},
    {"The mayor of the city of Sirte resigned.", "city of Sirte/LOCATION",
     "a lower-case city of stays outside the name"},
    {"Donors gave to the Nature Conservancy.", "the Nature Conservancy/ORGANIZATION",
     "a lower-case the stays outside"},
    {"The striker, from Portland, Oregon, joined the club in the league championship after a "
     "tournament in soccer and football.",
     "Oregon/ORGANIZATION",
     "a place with its state after a comma is an address, not a team, in a sports story"},
    {"The striker, from Portland, Oregon, joined the club in the league championship after a "
     "tournament in soccer and football.",
     "Portland/ORGANIZATION",
     "a place with its state after a comma is an address, not a team, in a sports story"},
    {"Sampras beat Agassi 6-3 6-4 on Sunday.", "Sampras/ORGANIZATION",
     "a tennis result names players, not teams"},
    {"Velsor is a Czech packaging company. Velsor GDRs rose 2 percent.", "Velsor GDRs/ORGANIZATION",
     "resolver:organisation-first: a plural acronym is a kind of thing"},
    {"Vellmark is a Norwegian shipping company. In 2019 Vellmark merged with Nordhavn Line to "
     "form Vellmark Nordhavn.",
     "Vellmark Nordhavn/PERSON", "resolver:organisation-first"},
    {"Hong Kong is a financial centre.", "Hong Kong/ORGANIZATION",
     "ctx.is_a: a place alone is no company, whatever head word follows"},
    {"He visited the Victoria and Albert Museum.", "Victoria/PERSON",
     "person.shared_surname: a head word is no surname"},
    {"Bishops of Cyprus' Orthodox Church met.", "Cyprus' Orthodox Church/ORGANIZATION",
     "org.head_suffix: a name's possessive apostrophe stays outside the name after it"},
    {"Critics loved 'Farmers' Union Jack was a hit.", "Farmers' Union/ORGANIZATION",
     "a quotation's closing mark is no possessive"},
    {"Engineers at Heathrow fixed the fault.", "Heathrow/ORGANIZATION",
     "ctx.staff_at: a known place keeps its type"},
    {"Associates of Kennedy said so.", "Associates of Kennedy/ORGANIZATION",
     "Associates is no head word: a person's associates"},
    {"Wallabies are found across Australia.", "Wallabies/ORGANIZATION",
     "organizations.tsv: the common word opening a sentence needs support"},
    {"Heat waves hit Europe.", "Heat/ORGANIZATION",
     "organizations.tsv: a nickname that is a common word needs support"},
    {"Smith, a football club spokesman, said so.", "Smith/ORGANIZATION",
     "a spokesman of a club is no club"},
    {"Smith, a company spokesman, said so.", "Smith/ORGANIZATION",
     "a spokesman of a company is no company"},
    {"Initially, the Italian company, Fiat, won.", "Initially/ORGANIZATION",
     "a common word before an apposition"},
    {"He joined Paris in 1990 and has played golf since.", "Paris/ORGANIZATION",
     "ctx.sports_joined needs a sports story: one sports word is not one"},
    {"TENNIS - OPEN.\nShe was seeded third at the Auckland tournament in the championship.",
     "Auckland/ORGANIZATION", "a place where a tournament is held is no team"},
    {"Condoleezza Rice met farmers.\nRice prices rose as rice exports fell.", "Rice/PERSON",
     "a surname opening a sentence stays a word when the document writes it in lower case"},
    {"The deal was worth US$ 40 billion, or HK$5 a share.", "US/LOCATION",
     "none.currency: a currency written with its country's letters"},
    {"The airline ordered ten Airbus A380 jets and a Boeing 747-400.", "Airbus/ORGANIZATION",
     "none.aircraft: a maker and a model number are a product"},
    {"The airline ordered ten Airbus A380 jets and a Boeing 747-400.", "Boeing/ORGANIZATION",
     "none.aircraft: a model with a series number"},
    {"EASTERN DIVISION\nThe Western Conference leaders won on Sunday.",
     "EASTERN DIVISION/ORGANIZATION",
     "none.league_division: a division of a league above a standings table"},
    {"EASTERN DIVISION\nThe Western Conference leaders won on Sunday.",
     "Western Conference/ORGANIZATION", "none.league_division: a conference of a league"},
    {"Berry had six RBI in the game.", "RBI/ORGANIZATION", "none.rbi: runs batted in"},
    {"He won the 205-km final stage of the Tour of the Netherlands.", "Netherlands/LOCATION",
     "none.tour_of: a race named after its country"},
    {"Results from the U.S. Open Tennis Championships on Friday.", "U.S./LOCATION",
     "none.event: sports words after an event's head stay with the event"},
    {"A. Ranatunga lbw b Fleming 0", "Ranatunga/PERSON", "the initial stays in the name"},
    {"A man was hit. A. Man was there.", "A man/PERSON", "an article is no initial"},
    {"In June Smith was appointed to the board.", "June Smith/PERSON",
     "person.title_month: no title, the month is a date"},
    {"The party was founded as the successor to the Bharatiya Jana Sangh in 1980.",
     "Bharatiya Jana Sangh/PERSON",
     "unknown words after \"the\", without a given name, are no person"},
    {"He was chief executive at Bestop Inc of Boulder, Colo., until May.",
     "Bestop Inc of Boulder/ORGANIZATION", "a company and the town it is based in are two names"},
    {"6. Pier Francesco Chili (Italy) Ducati 175", "Pier Francesco/LOCATION",
     "cues.tsv: Pier, an Italian given name, is no place head"},
    {"It was acquired by the private equity firm Nordhafen Capital, based in Hamburg.",
     "Nordhafen Capital/LOCATION", "loc.admin_name: an unknown name before Capital"},
    {"Mac Hughes spoke first. The company brought the software back to the Mac in May.",
     "Mac/PERSON", "a given name after a determiner is no person's"},
    {"Shares of Bank of America, Citigroup and Wells Fargo fell.",
     "Bank of America, Citigroup and Wells Fargo/ORGANIZATION",
     "org.head_prefix_list: a list of organisations is no name"},
    {"The bonds, CUSIP 072261, pay a CPN of 5 percent.", "CUSIP/ORGANIZATION",
     "acronyms.tsv: a security number's name is an ordinary word"},
    {"She won the Democratic Party U.S. presidential primary in 2008.",
     "Democratic Party U.S./ORGANIZATION",
     "org.branch: not an abbreviated country before the noun it qualifies"},
    {"She was inducted into the Country Music Hall of Fame in 2004.",
     "Country Music Hall of Fame/LOCATION", "none.hall_of_fame: a roll of honour is no place"},
    {"They beat Ferroviário de Nampula 3-1 on Sunday.", "Ferroviário de Nampula/PERSON",
     "person.particle_unknown_first: an unknown word, one particle and a known place alone"},
    {"The Central Bank of Sri Lanka (CBSL) held its rate.", "CBSL/LOCATION",
     "resolver: the abbreviation of a name that ends in a place is not the place's"},
    {"Note (AP) — This story was corrected.", "Note/LOCATION",
     "loc.dateline_given: a common word that is no given name opens no dateline"},
    {"She sent an e-mail to Harkat on Monday.", "Harkat/ORGANIZATION",
     "gazetteer: a head word of Urdu that only opens names, before no name"},
};

// "name/LABEL" of each entity of `text`.
std::vector<std::string> Found(const std::string& text) {
  std::vector<std::string> out;
  for (const nerkit::Entity& e : Shared().Extract(text).entities) {
    out.push_back(e.text + "/" + std::string(nerkit::LabelName(e.label)));
  }
  return out;
}

}  // namespace

BOOST_DATA_TEST_CASE(names_typed_by_their_heads_and_context, boost::unit_test::data::make(kNames),
                     c) {
  const std::vector<std::string> found = Found(c.text);
  BOOST_TEST((std::find(found.begin(), found.end(), c.expected) != found.end()),
             c.why << ": " << c.expected << " not in " << c.text);
}

BOOST_DATA_TEST_CASE(cues_that_do_not_apply, boost::unit_test::data::make(kNotNames), c) {
  const std::vector<std::string> found = Found(c.text);
  BOOST_TEST((std::find(found.begin(), found.end(), c.expected) == found.end()),
             c.why << ": " << c.expected << " in " << c.text);
}

// The era after a year or before it is no entity of any type ("B.C." alone is British Columbia).
BOOST_AUTO_TEST_CASE(the_era_beside_a_year_is_no_name) {
  for (const char* text : {"The temple was built in 325 B.C. by the king.",
                           "The town was rebuilt in AD 79 after the quake."}) {
    for (const std::string& found : Found(text)) {
      BOOST_TEST((found.rfind("B.C./", 0) != 0 && found.rfind("AD/", 0) != 0), found << " in " << text);
    }
  }
}

// A user's head word that only opens names (prefix, no suffix) ends none, written with cs or
// without: after the name it is a plain word, and before one it is the head ("Vorstadt Kelmar").
BOOST_AUTO_TEST_CASE(head_words_that_only_open_names_end_none) {
  for (const char* flags : {"prefix", "cs,prefix"}) {
    nerkit::LoadOptions options;
    options.extra_sources.push_back(
        {"user_heads.tsv", std::string("Vorstadt\tLOC_HEAD\t-\t-\t700\t-\t") + flags + "\n"});
    const nerkit::Extractor extractor = nerkit::Extractor::Load(options);
    std::vector<std::string> ends, opens;
    for (const nerkit::Entity& e : extractor.Extract("Police questioned Jon Kelmar Vorstadt.").entities) {
      ends.push_back(e.text + "/" + std::string(nerkit::LabelName(e.label)));
    }
    for (const nerkit::Entity& e : extractor.Extract("They moved to Vorstadt Kelmar in May.").entities) {
      opens.push_back(e.text + "/" + std::string(nerkit::LabelName(e.label)));
    }
    BOOST_TEST((std::find(ends.begin(), ends.end(), "Jon Kelmar Vorstadt/LOCATION") == ends.end()),
               flags);
    BOOST_TEST((std::find(opens.begin(), opens.end(), "Vorstadt Kelmar/LOCATION") != opens.end()),
               flags);
  }
}

// The particles of other languages are no letters of an abbreviation: "Partido dos Trabalhadores
// Unidos (PTU)" defines PTU, which is then that party wherever the document writes it.
BOOST_AUTO_TEST_CASE(abbreviations_skip_the_particles_of_other_languages) {
  const nerkit::Result r = Shared().Extract(
      "Voters backed the Partido dos Trabalhadores Unidos (PTU) in the north. The PTU won nine "
      "seats.");
  int defined = 0;
  for (const nerkit::Entity& e : r.entities) {
    if (e.text != "PTU") continue;
    BOOST_TEST(e.label == nerkit::Label::kOrganization);
    defined += e.source.find("resolver:acronym") != std::string::npos &&
               e.source.find("acronym-shape") == std::string::npos;
  }
  BOOST_TEST(defined == 2);
}

BOOST_DATA_TEST_CASE(places_of_the_same_name_by_the_documents_evidence,
                     boost::unit_test::data::make(kPlaces), c) {
  BOOST_TEST(IdOf(Shared(), c.text, c.name) == c.expected, c.why << ": " << c.text);
}

// In a sports report, a county or city that a cue reads as a team ("Lancashire head coach ...")
// is the team wherever else the report names it with only a dictionary's word for it; a place
// named as such ("born in Lancashire") stays a place.
BOOST_AUTO_TEST_CASE(places_read_as_teams_are_teams_in_the_whole_report) {
  const std::string text =
      "Lancashire wrapped up victory by an innings over Yorkshire on the fourth day, with seamer "
      "Tom Ashby taking five wickets.\n"
      "Ashby, who was born in Lancashire, bowled with the new ball. \"We batted long,\" said "
      "Lancashire head coach Steven Harrop.\n"
      "Yorkshire director of cricket Dan Bell said his side had been outplayed.";
  std::vector<std::string> found;
  for (const nerkit::Entity& e : Shared().Extract(text).entities) {
    if (e.text == "Lancashire" || e.text == "Yorkshire") {
      found.push_back(e.text + "/" + std::string(nerkit::LabelName(e.label)));
    }
  }
  const std::vector<std::string> expected = {"Lancashire/ORGANIZATION", "Yorkshire/ORGANIZATION",
                                             "Lancashire/LOCATION", "Lancashire/ORGANIZATION",
                                             "Yorkshire/ORGANIZATION"};
  BOOST_TEST(found == expected, boost::test_tools::per_element());
}

// The eighth column of a dictionary line names a place's first-level division by its id, and
// survives the compiled image.
BOOST_AUTO_TEST_CASE(region_column_is_loaded_and_kept_in_the_image) {
  // (Padded with comment lines: only dictionaries of 1 MiB or more are kept as an image.)
  const std::string places = std::string(std::size_t{1} << 20, '#') + "\n" +
                             "Springfield\tLOCATION\t-\tgeo:1\t160000\tUS\tprimary,city\tgeo:il\n"
                             "Springfield\tLOCATION\t-\tgeo:2\t150000\tUS\tprimary,city\tgeo:mo\n"
                             "Springfield\tLOCATION\t-\tgeo:3\t5000\tGB\tprimary,city\t-\n"
                             "Illinois\tLOCATION\t-\tgeo:il\t12000000\tUS\tprimary,region\n"
                             "Missouri\tLOCATION\t-\tgeo:mo\t6000000\tUS\tprimary,region\n";
  const fs::path cache =
      fs::temp_directory_path() / ("nerkit-context-test-" + std::to_string(::getpid()));
  fs::remove_all(cache);
  for (int round = 0; round < 2; ++round) {
    nerkit::LoadOptions options;
    options.load_dictionary_folder = false;
    options.extra_sources.push_back({"places.tsv", places});
    options.cache_dir = cache;
    const nerkit::Extractor extractor = nerkit::Extractor::Load(options);
    BOOST_TEST(extractor.info().loaded_from_cache == (round == 1));
    BOOST_TEST(IdOf(extractor, "Flooding hit Springfield, Missouri on Monday.", "Springfield") ==
               "LOCATION geo:2");
    BOOST_TEST(IdOf(extractor, "Flooding hit Springfield, Illinois on Monday.", "Springfield") ==
               "LOCATION geo:1");
    BOOST_TEST(IdOf(extractor, "Flooding hit Springfield on Monday.", "Springfield") ==
               "LOCATION geo:1");
  }
  fs::remove_all(cache);
}

// The places that lost are listed with the reason, for --explain.
BOOST_AUTO_TEST_CASE(other_places_of_the_same_name_are_recorded_with_the_reason) {
  using namespace nerkit::internal;
  SourceFile file{
      "places.tsv",
      "Sirt\tLOCATION\tSiirt\tgeonames:300822\t114034\tTR\talternate,city\t-\n"
      "Sirt\tLOCATION\tSirte\tgeonames:2210554\t106705\tLY\talternate,city\t-\n"
      "Misurata\tLOCATION\tMisratah\tgeonames:2214846\t355657\tLY\talternate,city\t-\n"};
  nerkit::text::Tokenizer tokenizer;
  Gazetteer gazetteer;
  gazetteer.AddFile(file, 0, tokenizer);
  gazetteer.Build();
  Document doc;
  const std::string text = "Fighters entered Misurata and Sirt on Monday.";
  doc.Reset(text);
  tokenizer.Tokenize(doc.text, doc.words);
  gazetteer.Match(doc);
  gazetteer.AddCandidates(doc, true);
  BOOST_TEST_REQUIRE(doc.alternatives.size() == 1u);
  const Alternative& a = doc.alternatives[0];
  const Candidate& chosen = doc.candidates.at(a.candidate);
  BOOST_TEST(text.substr(chosen.begin, chosen.end - chosen.begin) == "Sirt");
  BOOST_TEST(gazetteer.entry(static_cast<std::uint32_t>(chosen.entry)).id == "geonames:2210554");
  BOOST_TEST(gazetteer.entry(a.entry).id == "geonames:300822");
  BOOST_TEST(std::string(a.reason) ==
             "another place of the same name: the chosen one lies in the country or region of "
             "another place the document names");

  // Without the list of losers (no explain), the same place wins and nothing is listed.
  doc.Reset(text);
  tokenizer.Tokenize(doc.text, doc.words);
  gazetteer.Match(doc);
  gazetteer.AddCandidates(doc, false);
  BOOST_TEST(doc.alternatives.empty());
  bool found = false;
  for (const Candidate& c : doc.candidates) {
    if (text.substr(c.begin, c.end - c.begin) != "Sirt") continue;
    found = true;
    BOOST_TEST(gazetteer.entry(static_cast<std::uint32_t>(c.entry)).id == "geonames:2210554");
  }
  BOOST_TEST(found);
}
