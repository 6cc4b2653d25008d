#!/usr/bin/env python3
"""Generate nerkit's dictionaries from raw open data.

Usage:
    python3 tools/generate_dictionaries.py SOURCES_DIR [--out DIR]
        [--words /usr/share/dict/american-english,/usr/share/dict/british-english]
        [--words-copyright /usr/share/doc/wamerican/copyright]
    python3 tools/generate_dictionaries.py SOURCES_DIR --self-test

SOURCES_DIR is the raw-data folder described in its README.md (geonames/,
npm-i18n-iso-countries/, npm-i18n-nationality/, wikidata/, ssa/,
census1990/, xponents/, orgs/).  The output folder (default: the
dictionaries/ folder beside tools/) receives these generated files and
nothing else:

    places.tsv regions.tsv countries.tsv demonyms.tsv given_names.tsv
    surnames.tsv universities.tsv companies.tsv words.tsv NOTICE

The format is the one of dictionaries/README.md: UTF-8 (NFC), seven
tab-separated columns (surface, type, canonical, id, weight, country,
flags), "-" for none, "#" comment lines; places.tsv has an eighth, region
(the id of the GeoNames first-level division the place lies in, the id of
its line in regions.tsv).  The output is deterministic:
the same input gives byte-identical files (lines sorted by a stable key,
no timestamps).

--self-test generates everything twice into two temporary folders,
compares them byte for byte, validates every line and runs spot checks on
known facts (Sirte, Misrata, Benghazi, U.S., Britain, Libyan, Will,
White, Apple).  Only the standard library is used.
"""

import argparse
import collections
import csv
import filecmp
import json
import os
import re
import sys
import tempfile
import unicodedata

# --------------------------------------------------------------------------
# Format constants (dictionaries/README.md)

TYPES = (
    "PERSON", "LOCATION", "ORGANIZATION", "GIVEN_NAME", "SURNAME", "TITLE",
    "DEMONYM", "ORG_HEAD", "LOC_HEAD", "NAME_PARTICLE", "WORD",
)
FLAG_ORDER = (
    "primary", "ascii", "alternate", "acronym", "cs", "common",
    "country", "region", "city", "capital", "feature",
    "male", "female", "prefix", "suffix",
    "igo", "agency", "armed", "government", "party", "company",
    "university", "sports", "media", "ngo", "religious", "block",
)
FLAG_RANK = {f: i for i, f in enumerate(FLAG_ORDER)}

GENERATED_FILES = (
    "places.tsv", "regions.tsv", "countries.tsv", "demonyms.tsv",
    "given_names.tsv", "surnames.tsv", "universities.tsv",
    "companies.tsv", "words.tsv", "NOTICE",
)

GEONAMES_CREDIT = ("Contains data from GeoNames (geonames.org), CC BY 4.0; "
                   "modified")

# Apostrophe-like characters accepted inside Latin-script names
# (ASCII apostrophe, right/left single quotes, modifier letters used for
# ayn/hamza/okina in transliterations).
APOSTROPHES = "'\u2019\u2018\u02bc\u02bb\u02bf\u02be"


# --------------------------------------------------------------------------
# Small text helpers

def nfc(s):
    return unicodedata.normalize("NFC", s)


def clean(s):
    """NFC, collapse white space (tabs and newlines included), trim."""
    return " ".join(nfc(s).split())


def fold(s):
    """Case- and accent-insensitive key (as the matcher compares)."""
    s = unicodedata.normalize("NFKD", s.casefold())
    return "".join(c for c in s if not unicodedata.combining(c))


def ascii_fold(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return s.encode("ascii", "ignore").decode("ascii")


def is_latin_letter(ch):
    return ch.isalpha() and "LATIN" in unicodedata.name(ch, "")


def is_latin_name(s, extra=""):
    """Letters of the Latin script (with accents), spaces, hyphens,
    apostrophes and periods only; at least one letter."""
    has_letter = False
    for ch in s:
        if ch.isalpha():
            if not is_latin_letter(ch):
                return False
            has_letter = True
        elif unicodedata.category(ch) == "Mn":
            continue
        elif ch in " -." or ch in APOSTROPHES or ch in extra:
            continue
        else:
            return False
    return has_letter


def is_latin_text(s):
    """Every letter is Latin; no control or format characters.  Digits and
    punctuation are allowed (company names: 3D Systems, 1-800-FLOWERS)."""
    has_letter = False
    for ch in s:
        cat = unicodedata.category(ch)
        if cat[0] == "C":
            return False
        if ch.isalpha():
            if not is_latin_letter(ch):
                return False
            has_letter = True
    return has_letter


def has_upper(s):
    return any(c.isupper() for c in s)


def is_all_caps_code(s, maxlen=4):
    """All-capital letters-only code such as IATA codes (BEN, SRX, LA)."""
    letters = s.replace(".", "")
    return (2 <= len(letters) <= maxlen and letters.isalpha()
            and letters.isupper() and " " not in s)


def is_acronym(s):
    """All-capital abbreviation: US, U.S., U.K., UAE, BiH-like excluded."""
    letters = [c for c in s if c.isalpha()]
    if not letters or " " in s:
        return False
    return all(c.isupper() for c in letters) and all(
        c.isalpha() or c == "." for c in s)


def slugify(s):
    s = ascii_fold(s).lower()
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return s


def join_flags(flags):
    flags = sorted(set(f for f in flags if f), key=lambda f: FLAG_RANK[f])
    return ",".join(flags) if flags else "-"


def capitalize_word(w):
    """First letter upper, rest lower, for each hyphen/apostrophe part."""
    out = []
    up = True
    for ch in w:
        out.append(ch.upper() if up else ch.lower())
        up = ch in "-' " or ch in APOSTROPHES
    return "".join(out)


# Gaelic roots after Mac / O' (census writes MACDONALD, OBRIEN).  Only
# these roots get the inner capital: MACHADO, MACK, MACE, ODELL, OSBORNE
# stay Machado, Mack, Mace, Odell, Osborne.
MAC_ROOTS = frozenset("""
    allister arthur aulay bride callum carthy cormack crae culloch dermott
    diarmid donald donell donnell dougal dougall ewan ewen fadden farlane
    gillivray gowan gregor guire innes innis intosh intyre iver kechnie
    kenna kenzie kinley kinnon lachlan laren laughlin lean lellan lennan
    leod mahon manus millan namara naughton neil neill nichol nicol
    pherson phail quarrie queen rae tavish vicar
""".split())
O_ROOTS = frozenset("""
    bannon boyle brian brien bryan bryant cain callaghan conner connell
    connor day dea doherty donnell donoghue donohue donovan dowd dwyer
    farrell flaherty gorman grady hagan hair halloran hanlon hara hare
    hearn hern keefe keeffe kelley kelly kane leary loughlin malley mara
    meara neal neale neil neill quin quinn reilly riley roark rourke shea
    shaughnessy sullivan toole
""".split())


def proper_case(name, o_prefix=False):
    """Best-effort capitalisation of an upper-case census name."""
    low = name.lower()
    if len(low) > 3 and low.startswith("mc") and low[2].isalpha():
        return "Mc" + capitalize_word(low[2:])
    if low.startswith("mac") and low[3:] in MAC_ROOTS:
        return "Mac" + capitalize_word(low[3:])
    if o_prefix and low.startswith("o") and low[1:] in O_ROOTS:
        return "O'" + capitalize_word(low[1:])
    return capitalize_word(low)


# --------------------------------------------------------------------------
# Output

class Table:
    """Rows of one dictionary file: (surface, type, canonical, id, weight,
    country, flags-set[, region]) with exact duplicates merged.  A table made
    with regions=True writes the eighth column, region."""

    def __init__(self, name, sources, licence, note="", regions=False):
        self.name = name
        self.sources = sources
        self.licence = licence
        self.note = note
        self.regions = regions
        self.rows = collections.OrderedDict()

    def add(self, surface, typ, canonical, ident, weight, country, flags,
            region="-"):
        surface = clean(surface)
        canonical = clean(canonical) if canonical else "-"
        if not surface or surface == "-" or surface.startswith("#"):
            return  # would read as "none" or as a comment line
        key = (surface, typ, ident or "-")
        if key in self.rows:
            # Same surface/type/id: merge flags, keep the better rank.
            old = self.rows[key]
            merged = set(old[6]) | set(flags)
            rank = ("primary", "ascii", "alternate")
            present = [f for f in rank if f in merged]
            if present:
                for f in rank:
                    merged.discard(f)
                merged.add(present[0])
            self.rows[key] = old[:6] + (frozenset(merged),) + old[7:]
            return
        self.rows[key] = (surface, typ, canonical or "-", ident or "-",
                          int(weight), country or "-", frozenset(flags),
                          region or "-")

    def lines(self, sort_key):
        rows = sorted(self.rows.values(), key=sort_key)
        for r in rows:
            cols = (r[0], r[1], r[2], r[3], str(r[4]), r[5], join_flags(r[6]))
            if self.regions:
                cols += (r[7],)
            yield "\t".join(cols)


def header(name, sources, licence, note="", regions=False):
    out = ["# %s -- generated by tools/generate_dictionaries.py; "
           "do not edit by hand." % name,
           "# Sources: %s" % sources,
           "# Licence: %s" % licence,
           "# Attribution: see NOTICE in this folder."]
    if note:
        out.extend("# " + n for n in note.split("\n"))
    out.append("# surface\ttype\tcanonical\tid\tweight\tcountry\tflags" +
               ("\tregion" if regions else ""))
    return out


def write_table(outdir, table, sort_key):
    path = os.path.join(outdir, table.name)
    lines = header(table.name, table.sources, table.licence, table.note,
                   table.regions)
    body = list(table.lines(sort_key))
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines + body) + "\n")
    return len(body)


def validate_file(path):
    """Returns a list of problems (empty when every line is valid)."""
    problems = []
    with open(path, "rb") as f:
        data = f.read()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        return ["%s: invalid UTF-8: %s" % (path, e)]
    if not text.endswith("\n"):
        problems.append("%s: no final newline" % path)
    for n, line in enumerate(text.split("\n")[:-1], 1):
        where = "%s:%d" % (os.path.basename(path), n)
        if line != nfc(line):
            problems.append(where + ": not NFC")
        if "\r" in line:
            problems.append(where + ": carriage return")
        if not line or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) not in (7, 8):
            problems.append(where + ": %d columns" % len(cols))
            continue
        surface, typ, canonical, ident, weight, country, flags = cols[:7]
        if len(cols) == 8 and cols[7] != "-" and not re.fullmatch(
                r"[^\s:]+:[^\s]+", cols[7]):
            problems.append(where + ":8: bad region %r" % cols[7])
        for i, c in enumerate(cols, 1):
            if c != c.strip() or not c:
                problems.append(where + ":%d: empty or untrimmed" % i)
        if surface == "-" or "  " in surface:
            problems.append(where + ":1: bad surface %r" % surface)
        if typ not in TYPES:
            problems.append(where + ":2: unknown type %r" % typ)
        if not weight.isdigit():
            problems.append(where + ":5: bad weight %r" % weight)
        if country != "-" and not re.fullmatch(r"[A-Z]{2}", country):
            problems.append(where + ":6: bad country %r" % country)
        if flags != "-":
            for fl in flags.split(","):
                if fl not in FLAG_RANK:
                    problems.append(where + ":7: unknown flag %r" % fl)
        if len(problems) > 50:
            problems.append("... (stopped)")
            break
    return problems


# --------------------------------------------------------------------------
# Inputs

def read_lines(path):
    with open(path, encoding="utf-8") as f:
        return f.read().splitlines()


def load_words(paths):
    """Lower-case alphabetic entries of the word lists, a comma-separated
    list of files (no apostrophes, no capitalised entries). American and
    British spellings both: news in English is written in both ("defence",
    "labour", "neighbour" are words, not names)."""
    lower = set()
    for path in paths.split(","):
        for w in read_lines(path):
            w = nfc(w.strip())
            if w and w.isalpha() and w == w.lower():
                lower.add(w)
    return lower


def load_country_info(src):
    """ISO2 -> dict(iso3, name, pop, gid) from GeoNames countryInfo."""
    info = collections.OrderedDict()
    for line in read_lines(os.path.join(src, "geonames", "countryInfo.tsv")):
        if not line.strip() or line.startswith("#"):
            continue
        f = line.split("\t")
        if len(f) < 17 or not re.fullmatch(r"[A-Z]{2}", f[0]):
            continue
        info[f[0]] = {
            "iso3": f[1], "name": clean(f[4]), "capital": clean(f[5]),
            "pop": int(f[7] or 0), "gid": f[16].strip(),
        }
    return info


# Country codes that GeoNames still lists but that are no longer ISO 3166-1
# countries (Serbia and Montenegro, Netherlands Antilles).
DISSOLVED = {"CS", "AN"}

# Common English name where GeoNames' label is not the usual one.
CANONICAL_OVERRIDE = {
    "NL": "Netherlands",          # GeoNames: "The Netherlands"
    "PS": "Palestine",            # GeoNames: "Palestinian Territory"
}


def country_table(info):
    out = collections.OrderedDict()
    for iso, d in info.items():
        if iso in DISSOLVED or not d["gid"]:
            continue
        d = dict(d)
        d["canonical"] = CANONICAL_OVERRIDE.get(iso, d["name"])
        out[iso] = d
    return out


# --------------------------------------------------------------------------
# places.tsv

# Xponents lists these as non-place words, but in news they are mostly the
# cities.
NONPLACE_EXEMPT = {"Basel", "Kobe"}


# A place name that is also a frequent given name or a demonym is far more
# often the person or the adjective in news text ("Michael", "German",
# "Thai"): such alternates are dropped and such main names flagged common.
GIVEN_NAME_ALTERNATE = 2000      # SSA count above which an alternate goes
GIVEN_NAME_MAIN = 20000          # SSA count above which a main name is common
GIVEN_NAME_MAIN_POPULATION = 250000  # ... unless the place is this large
ENGLISH_WORD_ALTERNATE_POPULATION = 100000  # alternates that are words are kept above this
COMPANY_NAME_POPULATION = 1000000  # a town named as a known company is common below this
HEAD_NAME_POPULATION = 100000  # a town named as a head word or title is common below this
# An alternate name that is one of the most frequent US surnames names a person far more often
# than the place in news ("Franklin" of Columbus, "Hughes" of Brighton, "Garcia" of Playas del
# Rosario, "Tan" of Anchorage: old names, nicknames and GeoNames' mistakes): it goes, unless the
# place is this large, or it is a word of the main name ("Hull" of Kingston upon Hull, "Myers" of
# Fort Myers) or begins as the main name does (a spelling of it: "Brando" of Brandon).
FREQUENT_SURNAME_RANK = 5000     # Census 1990 rank within which a surname counts as frequent
SURNAME_ALTERNATE_POPULATION = 1000000


def is_vietnamese(name):
    """Written with letters only Vietnamese uses: the vowels with a hook or a dot below and the
    tone-marked vowels of Unicode's Vietnamese block (U+1EA0-U+1EF9), and o and u with a horn.
    (Not e, i, o and u with a dot below alone, which Yoruba and Igbo write too: "Ọ̀yọ́".)"""
    return any(("\u1ea0" <= c <= "\u1ef9" and c not in "ẸẹỊịỌọỤụ") or c in "ơưƠƯ" for c in name)


def load_given_counts(src):
    counts = collections.Counter()
    path = os.path.join(src, "ssa", "ssa_names_1880_2023_totals.tsv")
    for line in read_lines(path):
        f = line.split("\t")
        if len(f) >= 3 and f[2].strip().isdigit():
            counts[fold(clean(f[0]))] += int(f[2])
    return counts


def load_demonym_forms(src):
    forms = set()
    path = os.path.join(src, "npm-i18n-nationality", "en.json")
    with open(path, encoding="utf-8") as f:
        for value in json.load(f).get("nationalities", {}).values():
            for v in (value if isinstance(value, list) else [value]):
                forms.add(fold(clean(v)))
    return forms


# The project's dictionaries folder, which holds the hand-written lists beside the generated ones.
HANDWRITTEN_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
                               "dictionaries")


def handwritten_surfaces(folder, name, keep):
    """The folded surfaces of the entries of a hand-written list (`name` in `folder`) whose
    columns `keep` accepts; none where the file is missing."""
    path = os.path.join(folder, name)
    if not os.path.exists(path):
        return set()
    names = set()
    for line in read_lines(path):
        f = line.split("\t")
        if not line.startswith("#") and len(f) >= 7 and keep(f):
            names.add(fold(f[0]))
    return names


def load_known_companies(folder=HANDWRITTEN_DIR):
    """Main names of the companies and news media of the hand-written organizations.tsv: a town
    of the same name ("Rio Tinto", a town of Portugal; "Carrefour", of Haiti) is far more often
    the company in news text."""
    def company(f):
        flags = f[6].split(",")
        return "primary" in flags and ("company" in flags or "media" in flags)
    return handwritten_surfaces(folder, "organizations.tsv", company)


def load_head_words(folder=HANDWRITTEN_DIR):
    """The head words of places and organisations in the hand-written cues.tsv, those that end
    names ("Nagar" of "Anna Nagar") and those that open them ("Fundación" of "Fundación Mario
    Santo Domingo"), and the titles of titles.tsv ("Oba" of "Oba Adekunle Oyefeso"): a town of
    that name is common, so that the word is the head or the title ("Anna Nagar", a place) rather
    than a town of its own ("Anna" and the town Nagar, read as a person's name)."""
    return (handwritten_surfaces(folder, "cues.tsv", lambda f: f[1] in ("LOC_HEAD", "ORG_HEAD")) |
            handwritten_surfaces(folder, "titles.tsv", lambda f: f[1] == "TITLE"))


def load_blocked_places(folder=HANDWRITTEN_DIR):
    """The surfaces that not_names.tsv blocks as places ("Ramadan", "Olympic"): the block lines
    remove only what loads before them, and places.tsv loads after not_names.tsv, so the
    generator leaves them out of places.tsv itself (a main name stays, flagged common)."""
    return handwritten_surfaces(folder, "not_names.tsv",
                                lambda f: f[1] == "LOCATION" and "block" in f[6].split(","))


def build_places(src, words, nonplace, stats, companies=frozenset(), heads=frozenset(),
                 blocked=frozenset()):
    t = Table(
        "places.tsv",
        "GeoNames cities15000 (every populated place with population "
        ">= 15,000): main, ASCII and Latin-script alternate names",
        "CC BY 4.0 -- " + GEONAMES_CREDIT,
        "Alternate names are filtered: Latin script only, no digits, no "
        "all-caps codes of 2-4 letters,\n"
        "no names under 3 characters, no all-lower-case transliterations, "
        "no ordinary English words,\n"
        "no exact duplicates of a name already listed for the place.\n"
        "region: the id of the place's first-level division (GeoNames "
        "admin1, as in regions.tsv), or -.",
        regions=True)
    # GeoNames admin1 codes ("US.TX") -> the division's id ("geonames:4736286").
    admin1 = {}
    for line in read_lines(os.path.join(src, "geonames", "regionInfo.tsv")):
        f = line.split("\t")
        if line.startswith("#") or len(f) < 4 or not f[3].strip().isdigit():
            continue
        admin1[f[0]] = "geonames:" + f[3].strip()
    reasons = collections.Counter()
    ids = set()
    common_main = 0
    with_region = 0
    given = load_given_counts(src)
    surnames = load_surnames(src)
    surname_ranks = load_surname_ranks(src)
    demonyms = load_demonym_forms(src)
    path = os.path.join(src, "geonames", "cities15000.txt")
    for line in read_lines(path):
        f = line.split("\t")
        if len(f) < 15 or not f[0].isdigit():
            continue
        gid = "geonames:" + f[0]
        main = clean(f[1])
        asc = clean(f[2])
        fcode = f[7]
        cc = f[8] if re.fullmatch(r"[A-Z]{2}", f[8]) else "-"
        pop = int(f[14] or 0)
        region = admin1.get("%s.%s" % (f[8], f[10]), "-") if f[10] else "-"
        if not main:
            continue
        ids.add(gid)
        if region != "-":
            with_region += 1
        kind = {"city"}
        if fcode == "PPLC":
            kind.add("capital")
        seen = set()

        def common_flag(name):
            low = fold(name)
            if low in words or (low in nonplace and
                                name not in NONPLACE_EXEMPT):
                return "common"
            if low in demonyms or (given[low] >= GIVEN_NAME_MAIN and
                                   pop < GIVEN_NAME_MAIN_POPULATION):
                return "common"
            if low in companies and pop < COMPANY_NAME_POPULATION:
                return "common"
            if low in heads and pop < HEAD_NAME_POPULATION:
                return "common"
            if low in blocked:
                return "common"
            return ""

        fl = kind | {"primary", common_flag(main)}
        if "common" in fl:
            common_main += 1
        t.add(main, "LOCATION", main, gid, pop, cc, fl, region)
        seen.add(main)
        if asc and asc != main:
            t.add(asc, "LOCATION", main, gid, pop, cc,
                  kind | {"ascii", common_flag(asc)}, region)
            seen.add(asc)
        # The Vietnamese names of places outside Viet Nam ("Vận Thành" and "Van Thanh" for
        # Yuncheng, "Thành phố Belize"): in English text such words are Vietnamese people's
        # names ("Lê Văn Thành"), not the foreign place.
        vietnamese = set()
        if cc not in ("VN", "NG", "BJ"):  # (Igbo and Yoruba names mark vowels below too)
            vietnamese = {fold(clean(a)) for a in f[3].split(",") if is_vietnamese(a)}
        for a in f[3].split(","):
            a = clean(a)
            if not a:
                continue
            if vietnamese and (fold(a) in vietnamese or fold(a).startswith("thanh pho ")):
                reasons["Vietnamese name of a place outside Viet Nam"] += 1
                continue
            if a in seen:
                reasons["duplicate"] += 1
                continue
            if fold(a) in blocked:
                reasons["blocked by not_names.tsv"] += 1
                continue
            if any(c.isdigit() for c in a):
                reasons["digits"] += 1
                continue
            if not is_latin_name(a):
                reasons["not Latin script / other characters"] += 1
                continue
            if len(a) < 3:
                reasons["shorter than 3"] += 1
                continue
            if is_all_caps_code(a):
                reasons["all-caps code of 2-4 letters"] += 1
                continue
            if not has_upper(a):
                reasons["all lower case (transliteration)"] += 1
                continue
            rest = a.split(" ")[1:]
            if (a.startswith("The ") and all(fold(w) in words for w in rest) and
                    (len(rest) == 1 or pop < ENGLISH_WORD_ALTERNATE_POPULATION)):
                # A nickname made of "The" and English words ("The Bank", "The Crossing", "The
                # Settlement"): in news such words are a common noun phrase far more often. (A
                # large city's longer nickname stays: "The Big Apple", "The Windy City".)
                reasons["'The' and English words"] += 1
                continue
            if fold(a) in words:
                # An English word that names a large city in English ("Geneva", "Cologne") is
                # kept, flagged common; for smaller places such alternates go.
                if pop >= ENGLISH_WORD_ALTERNATE_POPULATION:
                    seen.add(a)
                    t.add(a, "LOCATION", main, gid, pop, cc,
                          kind | {"alternate", "common"}, region)
                    reasons["English word (kept as common: large place)"] += 1
                    continue
                reasons["English word"] += 1
                continue
            if (given[fold(a)] >= GIVEN_NAME_ALTERNATE and
                    pop < ENGLISH_WORD_ALTERNATE_POPULATION):
                reasons["frequent given name"] += 1
                continue
            if (len(a) <= 3 and fold(a) in surnames and given[fold(a)] < GIVEN_NAME_ALTERNATE
                    and fold(a) not in fold(main).replace("-", " ").split()):
                # A short form that is a family's name ("Lim" of Lima, "Wei" of Weifang, "Mei"
                # of Meizhou): in news it is the person far more often, whatever the place's
                # size. (Not a given name, whose place readings the rules weigh: "Ben Gurion";
                # nor a word of the main name: "Rio" of Rio de Janeiro, "Oda" of Akim Oda.)
                reasons["name of three letters that is a surname"] += 1
                continue
            if (surname_ranks.get(fold(a), FREQUENT_SURNAME_RANK + 1) <= FREQUENT_SURNAME_RANK
                    and pop < SURNAME_ALTERNATE_POPULATION
                    and fold(a) not in fold(main).replace("-", " ").split()
                    and fold(a)[:3] != fold(main)[:3]):
                reasons["frequent surname (not a word or spelling of the main name)"] += 1
                continue
            if fold(a) in demonyms:
                reasons["demonym"] += 1
                continue
            if fold(a) in nonplace:
                reasons["Xponents non-placename"] += 1
                continue
            seen.add(a)
            t.add(a, "LOCATION", main, gid, pop, cc, kind | {"alternate"},
                  region)
    stats["places: distinct ids"] = len(ids)
    stats["places: ids with a first-level division"] = with_region
    stats["places: surface forms"] = len(t.rows)
    stats["places: main/ascii names flagged common"] = common_main
    for k, v in sorted(reasons.items()):
        stats["places: alternates dropped (%s)" % k] = v
    return t


# --------------------------------------------------------------------------
# regions.tsv

# Single words that name a division only in a list of a country's
# divisions ("Centre", "Est", "Northern") and would match everywhere.
GENERIC_REGION_NAMES = frozenset("""
    central centre center centro est este east eastern nord norte north
    northern oeste ouest sud south southern sur west western
""".split())

# GeoNames names many divisions with their kind ("Lorestan Province", "Akwa
# Ibom State", "Tatarstan Republic", "Trelawny Parish", "Wajir County",
# "Muhafazat Hadramaout") or the Arabic
# article ("Al Anbar", "Al-Hasakah"); the news writes the name alone as well
# ("Anbar", "in Lorestan"): that form is an alternate of the division.
REGION_KIND_PREFIX = re.compile(
    r"^(?:Al |Al-|Muhafazat |Mohafazat |Province of |Region of |Republic of )")
REGION_KIND_SUFFIX = re.compile(
    r" (?:Region|Republic|Governorate|Province|Prefecture|State|District|"
    r"Division|Department|Oblast|Krai|Kray|County|Parish|Municipality)$")


def region_short_form(name):
    """The division's name without the word for its kind or the article, or
    None when there is none or too little is left."""
    short = REGION_KIND_SUFFIX.sub("", REGION_KIND_PREFIX.sub("", name))
    if short == name or len(short) < 4 or short.lower() in GENERIC_REGION_NAMES:
        return None
    # (Not one that opens with an article: "Los Santos" of "Los Santos
    # Province" ends the surname "de los Santos".)
    if re.match(r"(?:Los|Las|La|Le|Les|El|Il|Lo|O|A|Os|As|Die|Der|De) ", short):
        return None
    # (Nor a saint's name or a possessive: "Saint Peter" of "Saint Peter Parish" is the saint,
    # a church, a school; "Smith's" of "Smith's Parish" a surname's possessive.)
    if re.match(r"(?:Saint|St\.?|Sainte) ", short) or re.search(r"['\u02bc\u2019]s$", short):
        return None
    return short


def build_regions(src, words, stats):
    t = Table(
        "regions.tsv",
        "GeoNames admin1CodesASCII (first-level divisions); weight = summed "
        "population of the division's cities in cities15000",
        "CC BY 4.0 -- " + GEONAMES_CREDIT)
    pop = collections.Counter()
    for line in read_lines(os.path.join(src, "geonames", "cities15000.txt")):
        f = line.split("\t")
        if len(f) >= 15 and f[10]:
            pop["%s.%s" % (f[8], f[10])] += int(f[14] or 0)
    dropped = collections.Counter()
    given = load_given_counts(src)
    demonyms = load_demonym_forms(src)
    for line in read_lines(os.path.join(src, "geonames", "regionInfo.tsv")):
        if not line.strip() or line.startswith("#"):
            continue
        f = line.split("\t")
        if len(f) < 4 or not f[3].strip().isdigit():
            dropped["no geonameid"] += 1
            continue
        code, name, asc, gid = f[0], clean(f[1]), clean(f[2]), f[3].strip()
        cc = code.split(".")[0]
        if not re.fullmatch(r"[A-Z]{2}", cc):
            cc = "-"
        ident = "geonames:" + gid
        forms = [(name, "primary")]
        if asc and asc != name:
            forms.append((asc, "ascii"))
        for full in (name, asc):
            short = region_short_form(full) if full else None
            # (Not a word, a people's name or a given name alone: "Free" of
            # "Free State", "Capital" of "Capital Region", "Shan" of "Shan
            # State", "Plateau" of "Plateau State" are read only whole.)
            if short and (fold(short) in words or fold(short) in demonyms or
                          given[fold(short)] >= GIVEN_NAME_ALTERNATE):
                dropped["short form: a word or a name"] += 1
                continue
            if short and all(short != f for f, _ in forms):
                forms.append((short, "alternate"))
        for form, rank in forms:
            if not form or any(c.isdigit() for c in form):
                dropped["digits"] += 1
                continue
            if len(form) < 2 or not any(c.isalpha() for c in form):
                dropped["too short"] += 1
                continue
            if form.lower() in GENERIC_REGION_NAMES:
                dropped["generic direction word"] += 1
                continue
            flags = {"region", rank}
            # A division of a million people or more (Wales) is a name before it is a word.
            if fold(form) in demonyms or (
                    (fold(form) in words or given[fold(form)] >= GIVEN_NAME_ALTERNATE) and
                    pop.get(code, 0) < 1000000):
                flags.add("common")
            t.add(form, "LOCATION", name, ident, pop.get(code, 0), cc, flags)
    for k, v in sorted(dropped.items()):
        stats["regions: forms dropped (%s)" % k] = v
    return t


# --------------------------------------------------------------------------
# countries.tsv

# Well-known all-capital abbreviations kept as country names (others, such
# as ISO alpha-2/alpha-3 codes, are dropped).
COUNTRY_ACRONYMS = {
    "US": "US", "U.S.": "US", "USA": "US", "U.S.A.": "US",
    "UK": "GB", "U.K.": "GB",
    "UAE": "AE", "U.A.E.": "AE",
    "DRC": "CD", "DPRK": "KP", "PRC": "CN", "ROK": "KR", "KSA": "SA",
    "CAR": "CF", "PNG": "PG", "NZ": "NZ", "BiH": "BA", "FYROM": "MK",
}
# All-capital tokens allowed inside a longer name (DR Congo, Lao PDR).
ACRONYM_TOKENS = {"DR", "PDR", "PR", "U.S."}

# Common English forms missing from the sources.
COUNTRY_SUPPLEMENT = {
    "GB": ["U.K.", "Britain"],
    "US": ["America", "United States"],
    "MM": ["Burma"],
    "CI": ["Ivory Coast", "Côte d'Ivoire", "Cote d'Ivoire"],
    "CZ": ["Czech Republic", "Czechia"],
    "KR": ["South Korea"],
    "KP": ["North Korea"],
    "RU": ["Russia"],
    "CD": ["DR Congo", "Congo-Kinshasa"],
    "CG": ["Congo-Brazzaville", "Republic of Congo"],
    "NL": ["Holland"],
    "TW": ["Chinese Taipei"],
    "KG": ["Kyrgyz Republic"],
    "SK": ["Slovak Republic"],
    "VN": ["Viet Nam"],
    "CH": ["Swiss Confederation"],
    "GR": ["Hellenic Republic"],
}

# Aliases from Wikidata (and the other lists) that are historic names,
# foreign-language names, nicknames, epithets, misspellings or ambiguous
# with something more common in news text.  Compared case-insensitively.
COUNTRY_REJECT = {clean(s).casefold() for s in re.split(r"[|\n]", """
    Aotearoa | Ayiti | Belau | Bharat | Bharatvarsh | Blighty | Belorussia
    British Colony of Australia | British Guiana | British Honduras
    British North America | Byelorussia | Campuchia | Camboya | Ceylan
    Ceylon | Dahomey | Denmark proper | Dominion of Canada
    Dominion of New Zealand | Dutch Guiana | Eire | Éire | Ellice Islands
    Emirates | Estados Unidos de Venezuela | FRG | BRD | Hayti | Heart of South America
    Hellas | Hibernia | Hindustan | Holy Land | Island | Jamdung | Kambodzha
    Kamboja | Kampuchea | Land of the Rising Sun | Land of Thousand Lakes
    Lanka, Sri | Luxemburg | Manx | Mann | Marocco | Maurice | Moldavia
    Moris | Naija | Nippon | Nihon | Papal State | Pelew | Persia
    Pleasant Island | Republic of Great Han | The Republic of Great Han
    Roumania | Rumania | Serendib | Siam | Southern Netherlands | Spanish Sahara
    Taprobane | The Ukraine | Ukrainia | United States of Colombia
    Western Samoa | White Russia | White Ruthenia | Zaire | Kirgizia
    Turkmenia | Tiquisia | Finnia | metropolitan Denmark | North Sudan
    Republic Federative of Brasil | Estados Unidos del Brazil | Brasil
    Republic Niger | Cote Ivoire | Indonesian republic | Palestinian state
    Korea Republic | Ireland, Republic of | Islamic Republic of the Gambia
    Union of Burma | Lisia | Great Britain Guernsey | Dem. Republic of the Congo
    Dem. Republic of Congo | Fed. Sts. of Micronesia | Fed. Sts. Micronesia
    Nation of Brunei, the Abode of Peace
    Taiwan, Province of China | La France
""") if clean(s)}


def _invert_iso_name(name):
    """ISO style "Korea, Republic of" -> "Republic of Korea";
    "Virgin Islands, British" -> "British Virgin Islands";
    "X (Y)" -> "X".  Returns None when no plain form can be made."""
    name = clean(re.sub(r"\s*\([^)]*\)", " ", name))
    if "," not in name:
        return name
    head, _, tail = name.partition(",")
    head, tail = head.strip(), tail.strip()
    if "," in tail:
        return None
    if tail.endswith(" of"):
        return "%s %s" % (tail, head)
    if len(tail.split()) == 1:
        return "%s %s" % (tail, head)
    return None


def build_countries(src, words, countries, stats):
    t = Table(
        "countries.tsv",
        "GeoNames countryInfo (names, ids, population); i18n-iso-countries "
        "en.json (names and aliases); Wikidata English labels and aliases "
        "(wikidata_country_aliases.csv), filtered to plausible English "
        "names",
        "GeoNames CC BY 4.0 (" + GEONAMES_CREDIT + "); i18n-iso-countries "
        "MIT; Wikidata data CC0, alias file MIT")
    # Candidate names per country, in priority order.
    cand = collections.OrderedDict((iso, []) for iso in countries)
    trusted_tokens = set()

    def tokens(s):
        return [w for w in re.split(r"[\s\-]+", s) if w]

    for iso, d in countries.items():
        cand[iso].append((d["canonical"], "geonames"))
        if d["name"] != d["canonical"]:
            cand[iso].append((d["name"], "geonames"))
        trusted_tokens.update(tokens(d["name"]))
        trusted_tokens.update(tokens(d["canonical"]))

    with open(os.path.join(src, "npm-i18n-iso-countries", "en.json"),
              encoding="utf-8") as f:
        i18n = json.load(f)["countries"]
    for iso in sorted(i18n):
        if iso not in cand:
            continue
        names = i18n[iso] if isinstance(i18n[iso], list) else [i18n[iso]]
        for n in names:
            plain = _invert_iso_name(n)
            if plain:
                cand[iso].append((plain, "i18n"))
                trusted_tokens.update(tokens(plain))

    wd = collections.OrderedDict()
    with open(os.path.join(src, "wikidata", "wikidata_country_aliases.csv"),
              encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            if row.get("language") not in ("en", "en-gb", "en-ca", "en-us"):
                continue
            iso = (row.get("iso2c") or "").strip()
            if iso not in cand:
                continue
            label = clean(row.get("label") or "")
            wd.setdefault(iso, []).append((label, row.get("label_type")))
            if row.get("label_type") == "official":
                trusted_tokens.update(tokens(label))
    for iso in wd:
        for label, _ in wd[iso]:
            cand[iso].append((label, "wikidata"))
    for iso, extra in sorted(COUNTRY_SUPPLEMENT.items()):
        for n in extra:
            cand[iso].append((n, "supplement"))
    for s, iso in sorted(COUNTRY_ACRONYMS.items()):
        cand[iso].append((s, "acronym"))

    def token_ok(tok):
        bare = tok.strip(".'\u2019")
        if tok in ACRONYM_TOKENS or tok in trusted_tokens:
            return True
        if bare.lower() in words or bare in trusted_tokens:
            return True
        if re.fullmatch(r"(St|Ste|Rep|Dem|Fed|Sts|S|N)\.", tok):
            return True
        return False

    rejected = collections.Counter()
    for iso, names in cand.items():
        d = countries[iso]
        seen = set()
        for name, origin in names:
            name = clean(name)
            key = name.casefold()
            if not name or key in seen:
                continue
            trusted = origin in ("geonames", "i18n", "supplement", "acronym")
            if key in COUNTRY_REJECT:
                rejected["historic/foreign/epithet list"] += 1
                continue
            if not is_latin_name(name, extra="&"):
                rejected["not Latin script"] += 1
                continue
            if not has_upper(name) or name[0].islower():
                rejected["lower case"] += 1
                continue
            acro = is_acronym(name) or name in COUNTRY_ACRONYMS
            if acro and COUNTRY_ACRONYMS.get(name) != iso:
                rejected["code/abbreviation not in the well-known list"] += 1
                continue
            if not trusted and not acro:
                if not all(token_ok(w) for w in tokens(name)):
                    rejected["token not English/known name"] += 1
                    continue
                if any(w.isupper() and len(w) > 1 and w not in ACRONYM_TOKENS
                       for w in tokens(name) if w.isalpha()):
                    rejected["code inside name"] += 1
                    continue
            seen.add(key)
            flags = {"country"}
            if name == d["canonical"]:
                flags.add("primary")
            else:
                flags.add("alternate")
            if acro:
                flags.update(("acronym", "cs"))
            t.add(name, "LOCATION", d["canonical"], "geonames:" + d["gid"],
                  d["pop"], iso, flags)
    for k, v in sorted(rejected.items()):
        stats["countries: aliases rejected (%s)" % k] = v
    stats["countries: countries"] = len(cand)
    return t


# --------------------------------------------------------------------------
# demonyms.tsv

# Corrections to Xponents nationalities.csv: a wrong or missing ISO3 code
# (value = ISO2), or None to skip an entry that is not a nationality
# (ethnic groups, breakaway regions, country names, misspellings, foreign
# words, archaic forms).
XPONENTS_FIX = {
    "azeri": "AZ", "azeris": "AZ", "hellenes": "GR", "hellenic": "GR",
    "sudanese": "SD", "nigerien": "NE", "nigeriens": "NE",
    "northern irish": "GB", "gazan": "PS", "basotho": "LS",
    "mosotho": "LS", "malagasy": "MG", "manx": "IM", "monegasque": "MC",
    "monégasque": "MC", "monégasques": "MC", "sammarinese": "SM",
    "mahorais": "YT", "mahoran": "YT", "cocos islanders": "CC",
    "cook islanders": "CK",
    "abkhaz": None, "abkhazian": None, "abkhazians": None,
    "south ossetian": None, "south ossetians": None, "kurd": None,
    "chechen": None, "cossack": None, "bamar": None, "soviet": None,
    "sino": None, "indo": None, "arabian": None, "deutsch": None,
    "dominicana": None, "dominicano": None, "scotch": None,
    "hatian": None, "grecian": None, "grecians": None, "bajuns": None,
    "letts": None, "tadzhik": None, "boricuas": None, "magyar": None,
    "magyars": None, "baghdadi": None, "sahraw": None,
    "citizen of the holy see": None, "djibouti": None, "gibraltar": None,
    "guadeloupe": None, "liechtenstein": None, "kiribati": None,
    "vatican": None, "cayman": None, "falkland island": None,
    "british virgin island": None, "dutch antillean": None, "dutch antilleans": None,
}
# i18n-nationality entries that are wrong (WF is Wallis and Futuna, not
# Wales).
I18N_NATIONALITY_SKIP = {("WF", "Welsh")}
NO_PLURAL = {"malagasy", "burkinabe", "i-kiribati", "ni-vanuatu", "lao",
             "batswana", "basotho", "mosotho", "motswana"}
SMALL_WORDS = {"and", "or", "of", "the"}


def demonym_case(s):
    out = []
    for w in s.split(" "):
        if w in SMALL_WORDS and out:
            out.append(w)
        else:
            out.append(capitalize_word(w))
    return " ".join(out)


def plural(s):
    low = s.lower()
    if low in NO_PLURAL or " and " in low or " or " in low:
        return None
    if re.search(r"(ch|sh|s|wo)man$", low):
        return s[:-3] + "men"       # Frenchman -> Frenchmen (not German)
    if low.endswith(("ese", "ss", "ch", "sh", "s", "x", "z", "ic", "men")):
        return None
    return s + "s"


def build_demonyms(src, words, countries, stats):
    t = Table(
        "demonyms.tsv",
        "i18n-nationality en.json; OpenSextant Xponents nationalities.csv "
        "(ISO3 mapped to ISO2 via GeoNames countryInfo; corrected); "
        "plurals derived",
        "i18n-nationality MIT; Xponents Apache-2.0; GeoNames CC BY 4.0 ("
        + GEONAMES_CREDIT + ")")
    iso3 = {d["iso3"]: iso for iso, d in countries.items()}
    country_names = set()
    for iso, d in countries.items():
        country_names.add(fold(d["name"]))
        country_names.add(fold(d["canonical"]))
    with open(os.path.join(src, "npm-i18n-iso-countries", "en.json"),
              encoding="utf-8") as f:
        for v in json.load(f)["countries"].values():
            for n in (v if isinstance(v, list) else [v]):
                p = _invert_iso_name(n)
                country_names.add(fold(clean(re.sub(r"\([^)]*\)", "", n))))
                if p:
                    country_names.add(fold(p))

    entries = []   # (iso, surface, origin)
    skipped = collections.Counter()

    with open(os.path.join(src, "npm-i18n-nationality", "en.json"),
              encoding="utf-8") as f:
        nat = json.load(f)["nationalities"]
    plain_owner = {}
    for iso in sorted(nat):
        v = clean(nat[iso])
        if "(" not in v and "," not in v:
            plain_owner.setdefault(v, iso)
    for iso in sorted(nat):
        raw = clean(nat[iso])
        if iso not in countries:
            skipped["unknown country"] += 1
            continue
        if (iso, raw) in I18N_NATIONALITY_SKIP or "," in raw:
            skipped["wrong or not a demonym"] += 1
            continue
        base = clean(re.sub(r"\([^)]*\)", "", raw))
        if "(" in raw and plain_owner.get(base, iso) != iso:
            skipped["territory form of another country's demonym"] += 1
            continue
        for part in re.split(r" - | or ", base):
            part = clean(part)
            if not part:
                continue
            if (fold(part) in country_names or
                    re.search(r"\b(Islands?|Territory|Territories)\b", part)):
                skipped["country name, not a demonym"] += 1
                continue
            entries.append((iso, part, "i18n"))

    for line in read_lines(os.path.join(src, "xponents", "nationalities.csv")):
        if not line.strip() or line.startswith("#"):
            continue
        name, _, codes = line.partition(",")
        name = clean(name).lower()
        if not name:
            continue
        if name in XPONENTS_FIX:
            fix = XPONENTS_FIX[name]
            if fix is None:
                skipped["xponents: not a nationality / wrong"] += 1
                continue
            isos = [fix]
        else:
            isos = [iso3.get(c.strip()) for c in codes.split(";")
                    if c.strip()]
            if not isos or None in isos:
                skipped["xponents: no usable country code"] += 1
                continue
        if fold(name) in country_names:
            skipped["country name, not a demonym"] += 1
            continue
        for iso in isos:
            entries.append((iso, demonym_case(name), "xponents"))

    for iso, s, origin in list(entries):
        p = plural(s)
        if p and fold(p) not in country_names:
            entries.append((iso, p, "plural"))

    for iso, s, origin in entries:
        d = countries[iso]
        flags = {"primary" if origin == "i18n" else "alternate"}
        if fold(s) in words:
            flags.add("common")
        t.add(s, "DEMONYM", d["canonical"], "geonames:" + d["gid"], d["pop"],
              iso, flags)
    for k, v in sorted(skipped.items()):
        stats["demonyms: skipped (%s)" % k] = v
    return t


# --------------------------------------------------------------------------
# given_names.tsv

# 1990 census population by sex, to turn a census percentage into a count
# comparable with SSA totals (used only for names that SSA lacks).
CENSUS_1990_MALES = 121239418
CENSUS_1990_FEMALES = 127470455
MIN_GIVEN_COUNT = 200
# The points of the compass are given names too rarely to read one so before a place: "North
# Canterbury", "West Otago" are places (they stay surnames: "Oliver North", "Mae West").
NOT_GIVEN_NAMES = {"north", "south", "east", "west"}
SEX_SHARE = 0.2


def read_census(path):
    out = []
    for line in read_lines(path):
        f = line.split()
        if len(f) >= 2 and f[0].isalpha():
            out.append((f[0], float(f[1])))
    return out


def build_given_names(src, words, stats):
    t = Table(
        "given_names.tsv",
        "US Social Security Administration baby names 1880-2023 (totals "
        "of both sexes); US Census 1990 first-name files (for names SSA "
        "lacks: count = percentage x 1990 population of that sex)",
        "US public domain (courtesy of the SSA and the US Census Bureau)",
        "Names with a total count below %d are left out; male/female when "
        "that sex has at least %d%% of the total." % (
            MIN_GIVEN_COUNT, int(SEX_SHARE * 100)))
    counts = collections.OrderedDict()
    for line in read_lines(os.path.join(src, "ssa",
                                        "ssa_names_1880_2023_totals.tsv")):
        f = line.split("\t")
        if len(f) < 3 or not f[2].strip().isdigit() or f[1] not in "MF":
            continue
        name = clean(f[0])
        c = counts.setdefault(name, [0, 0])
        c[0 if f[1] == "M" else 1] += int(f[2])
    ssa_keys = {n.casefold() for n in counts}
    census = collections.OrderedDict()
    for fname, idx, pop in (("dist.male.first", 0, CENSUS_1990_MALES),
                            ("dist.female.first", 1, CENSUS_1990_FEMALES)):
        for name, pct in read_census(os.path.join(src, "census1990", fname)):
            if name.casefold() in ssa_keys:
                continue
            c = census.setdefault(proper_case(name), [0, 0])
            c[idx] += int(round(pct / 100.0 * pop))
    total_names = len(counts) + len(census)
    kept = 0
    for source in (counts, census):
        for name, (m, fm) in source.items():
            total = m + fm
            if total < MIN_GIVEN_COUNT:
                continue
            if source is counts:
                name = proper_case(name) if name.lower().startswith("mc") \
                    else name
            if not name or not is_latin_name(name) or fold(name) in NOT_GIVEN_NAMES:
                continue
            flags = set()
            if m >= SEX_SHARE * total:
                flags.add("male")
            if fm >= SEX_SHARE * total:
                flags.add("female")
            if fold(name) in words:
                flags.add("common")
            t.add(name, "GIVEN_NAME", "-", "-", total, "-", flags)
            kept += 1
    stats["given names: distinct names in SSA + census"] = total_names
    stats["given names: census-only names"] = len(census)
    stats["given names: kept (count >= %d)" % MIN_GIVEN_COUNT] = kept
    return t


# --------------------------------------------------------------------------
# surnames.tsv

def build_surnames(src, words, stats):
    t = Table(
        "surnames.tsv",
        "US Census 1990 surnames (dist.all.last); weight = frequency per "
        "100,000 people",
        "US public domain (courtesy of the US Census Bureau)")
    for name, pct in read_census(os.path.join(src, "census1990",
                                              "dist.all.last")):
        surface = proper_case(name, o_prefix=True)
        flags = {"common"} if fold(surface) in words else set()
        t.add(surface, "SURNAME", "-", "-", int(round(pct * 1000)), "-",
              flags)
    return t


# --------------------------------------------------------------------------
# universities.tsv

def build_universities(src, stats):
    t = Table(
        "universities.tsv",
        "world_universities_and_domains.json (university-domains-list)",
        "MIT")
    with open(os.path.join(src, "orgs", "world_universities_and_domains.json"),
              encoding="utf-8") as f:
        data = json.load(f)
    skipped = collections.Counter()
    items = []
    for u in data:
        name = clean((u.get("name") or "").replace('"', " ")
                     .replace("\u201c", " ").replace("\u201d", " "))
        name = clean(re.sub(r"\s+,", ",", name))
        cc = (u.get("alpha_two_code") or "").strip().upper()
        if not re.fullmatch(r"[A-Z]{2}", cc):
            cc = "-"
        if not name:
            continue
        letters = [c for c in name if c.isalpha()]
        if not letters or not all(is_latin_letter(c) for c in letters):
            skipped["not Latin script"] += 1
            continue
        items.append((name, cc))
    items = sorted(set(items))
    for name, cc in items:
        slug = slugify(name)
        if not slug:
            skipped["no slug"] += 1
            continue
        ident = "nerkit:univ/%s-%s" % (slug, cc.lower() if cc != "-" else "xx")
        t.add(name, "ORGANIZATION", name, ident, 10, cc,
              {"university", "primary"})
    for k, v in sorted(skipped.items()):
        stats["universities: skipped (%s)" % k] = v
    stats["universities: duplicates merged"] = len(data) - len(t.rows) - sum(
        skipped.values())
    return t


# --------------------------------------------------------------------------
# companies.tsv

EQUITY_RE = re.compile(
    r"common stock|common shares?|ordinary shares?|capital stock|"
    r"depositary shares?|depository shares?|\bADSs?\b|\bADRs?\b|"
    r"registry shares|voting shares|beneficial interest|"
    r"limited partnership|class [a-z] shares|common units", re.I)
OTHER_RE = re.compile(
    r"warrants?|\bunits?\b|\brights?\b|\bnotes?\b|debentures?|preferred",
    re.I)
FUND_RE = re.compile(r"\bET[FN]s?\b|\bFund\b|closed end|test stock", re.I)
LEGAL_SUFFIX_RE = re.compile(
    r"(?:,?\s+(?:(?i:Inc\.?|Incorporated|Corporation|Corp\.?|Company|Ltd\.?|"
    r"Limited|Holdings?|plc|Group|LLC|L\.L\.C\.?)|Co\.?|CO\.?|N\.V\.?|NV|"
    r"S\.A\.?|SA|L\.P\.?|LP|AG|SE|ASA|A/S|AB|Oyj|S\.p\.A\.?|B\.V\.?|"
    r"& Co\.?))+$")
FOREIGN_SUFFIX_RE = re.compile(
    r"(?:\b(?i:Ltd\.?|Limited|plc)|\bN\.V\.?|\bNV|\bS\.A\.?|\bSA|\bAG|"
    r"\bSE|\bASA|\bA/S|\bAB|\bOyj|\bS\.p\.A\.?|\bB\.V\.?)$")
ROMAN_RE = re.compile(r"\s+(?:[IVX]+|\d+)$")
# Single words too generic to stand for one company.
GENERIC_COMPANY_WORDS = frozenset("""
    acquisition acquisitions bancorp bancshares capital energy financial
    global group holdings industries international investment investments
    pharma pharmaceuticals resources solutions systems technologies
    technology therapeutics trust ventures
""".split())
# Countries too ambiguous to infer from a company name.
AMBIGUOUS_COUNTRY_WORDS = {"Georgia", "Jordan", "Chad", "Turkey", "Jersey",
                           "Guinea", "Niger", "Dominica", "Guernsey",
                           "Man", "Christmas Island", "Mali"}


# Month and weekday names: capitalised in the word list, so not in `words`,
# but no less common as words.
CALENDAR_WORDS = frozenset(
    "january february march april may june july august september october "
    "november december monday tuesday wednesday thursday friday saturday "
    "sunday".split())


def load_surname_ranks(src):
    """Folded surname -> its rank in the Census 1990 list (1: the most frequent)."""
    ranks = {}
    for rank, (name, _) in enumerate(
            read_census(os.path.join(src, "census1990", "dist.all.last")), start=1):
        ranks.setdefault(fold(proper_case(name, o_prefix=True)), rank)
    return ranks


def load_surnames(src):
    return {fold(proper_case(name, o_prefix=True))
            for name, _ in read_census(os.path.join(src, "census1990", "dist.all.last"))}


def build_companies(src, words, countries, demonym_table, stats):
    t = Table(
        "companies.tsv",
        "Nasdaq-listed securities (nasdaq-listed.csv), security "
        "descriptions removed; funds/ETFs left out",
        "ODC-PDDL 1.0 (courtesy of Nasdaq)",
        "The legal name is primary; a short form without the legal suffix "
        "is an alternate.")
    rows = []
    with open(os.path.join(src, "orgs", "nasdaq-listed.csv"),
              encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        next(reader, None)
        for r in reader:
            if len(r) >= 2 and r[0].strip() and not r[0].startswith("File"):
                rows.append((r[0].strip(), clean(r[1])))
    # Country and demonym words: a single-word short form equal to one of
    # them ("American") is not added.
    country_words = set(("America", "American", "U.S.", "USA",
                         "United States"))
    for iso, d in countries.items():
        country_words.update((d["name"], d["canonical"]))
    non_names = set(fold(x) for x in country_words)
    for row in demonym_table.rows.values():
        non_names.add(fold(row[0]))
    symbols = set(sym for sym, _ in rows)

    skipped = collections.Counter()
    given = load_given_counts(src)
    surnames = load_surnames(src)
    companies = collections.OrderedDict()  # legal name -> info
    for sym, name in sorted(rows):
        if " - " not in name:
            skipped["no security description (ETFs, funds, tests)"] += 1
            continue
        comp, _, desc = name.partition(" - ")
        comp = clean(comp)
        if FUND_RE.search(comp) or FUND_RE.search(desc):
            skipped["fund/ETF/test"] += 1
            continue
        m = re.search(r"\s*\(The\)$", comp)
        if m:
            comp = "The " + comp[:m.start()]
        comp = clean(re.sub(r"\s*\([^)]*\)$", "", comp))
        comp = re.sub(r"\s+(?:common stock|ordinary shares?)$", "", comp,
                      flags=re.I)
        comp = comp.rstrip(",").strip()
        # News style: no comma before the legal suffix.
        comp = re.sub(r",\s*(?=(?:Inc|Incorporated|Ltd|Limited|Corp|"
                      r"Corporation|Co|Company|L\.P|LLC|N\.V|S\.A|plc|PLC)"
                      r"\b)", " ", comp)
        if not comp or not is_latin_text(comp):
            skipped["not Latin script"] += 1
            continue
        equity = bool(EQUITY_RE.search(desc)) and not re.search(
            r"preferred|notes?\b|debenture|warrant|\bunits?\b|\brights?\b",
            re.sub(r"common units", "", desc, flags=re.I), re.I)
        if not equity and not OTHER_RE.search(desc):
            equity = True  # unknown description: treat as the listing
        info = companies.setdefault(comp, {"equity": None, "other": None,
                                           "descs": []})
        if equity and info["equity"] is None:
            info["equity"] = sym
            info["descs"].append(desc)
        elif not equity:
            if info["other"] is None:
                info["other"] = sym
            skipped["warrants/units/rights/notes/preferred rows"] += 1

    only_other = 0
    for comp, info in companies.items():
        sym = info["equity"] or info["other"]
        if info["equity"] is None:
            only_other += 1
        ident = "nerkit:nasdaq/" + sym
        desc = " ".join(info["descs"])
        # Country: US for common stock of a company without a foreign
        # legal form; CN for "China ..." names; otherwise unknown (ADS,
        # ordinary shares and foreign legal forms are mostly foreign
        # issuers, but of no country that the listing names).
        if re.search(r"^China\b|\(China\)", comp):
            cc = "CN"
        elif (re.search(r"common stock|capital stock|limited partnership",
                        desc, re.I)
              and not FOREIGN_SUFFIX_RE.search(comp)):
            cc = "US"
        else:
            cc = "-"
        t.add(comp, "ORGANIZATION", comp, ident, 5, cc,
              {"company", "primary"})
        base = ROMAN_RE.sub("", comp)
        short = clean(LEGAL_SUFFIX_RE.sub("", base)).rstrip(",").strip()
        short = clean(re.sub(r"\s*\([^)]*\)", " ", short))
        short = clean(LEGAL_SUFFIX_RE.sub("", short)).rstrip(",").strip()
        if re.match(r"(?i)the\s", short) and len(short.split()) > 1:
            short = short[4:]
        if "Acquisition" in comp:
            continue  # blank-cheque companies: I, II, III share a stem
        shorts = [short]
        if short.lower().endswith(".com") and len(short) > 7:
            shorts.append(short[:-4])       # Amazon.com -> Amazon
        for short in shorts:
            if not short or short == comp or len(short) < 3:
                continue
            if short in symbols:
                skipped["short form: same as a ticker symbol"] += 1
                continue
            if not re.search(r"[^\W\d_]", short):
                skipped["short form: no letter"] += 1
                continue
            toks = short.split()
            if len(toks) == 1:
                if short.lower() in GENERIC_COMPANY_WORDS:
                    skipped["short form: generic word"] += 1
                    continue
                if fold(short) in non_names:
                    skipped["short form: country or demonym"] += 1
                    continue
            flags = {"company", "alternate"}
            if len(toks) == 1 and (fold(short) in words or fold(short) in CALENDAR_WORDS or
                                   given[fold(short)] >= 1000 or fold(short) in surnames):
                # "Fox", "Star", "Dave", "People": a single word that is also an English word or
                # a person's name names the company too rarely to be worth its false alarms.
                skipped["short form: one word that is also a word or a name"] += 1
                continue
            if fold(short) in words or fold(short) in CALENDAR_WORDS:
                flags.add("common")
            if len(toks) == 1 and short.isupper() and len(short) <= 4:
                flags.update(("acronym", "cs"))
            t.add(short, "ORGANIZATION", comp, ident, 5, cc, flags)
    for k, v in sorted(skipped.items()):
        stats["companies: %s" % k] = v
    stats["companies: companies"] = len(companies)
    stats["companies: listed only through warrants/units/rights"] = only_other
    return t


# --------------------------------------------------------------------------
# words.tsv

def build_words(words, stats):
    t = Table(
        "words.tsv",
        "SCOWL word lists as packaged in Debian's wamerican and wbritish "
        "(/usr/share/dict/american-english, british-english): lower-case "
        "alphabetic entries",
        "SCOWL copyright notice (see NOTICE)")
    for w in words:
        t.add(w, "WORD", "-", "-", 0, "-", set())
    return t


# --------------------------------------------------------------------------
# NOTICE

def read_text(path):
    with open(path, encoding="utf-8") as f:
        return f.read().strip("\n")


def build_notice(src, words_copyright):
    parts = []
    add = parts.append
    add("nerkit dictionaries -- attribution and licences")
    add("=" * 47)
    add("")
    add("The generated files of this folder (places.tsv, regions.tsv, "
        "countries.tsv, demonyms.tsv,\ngiven_names.tsv, surnames.tsv, "
        "universities.tsv, companies.tsv, words.tsv) are derived --\n"
        "filtered, reformatted and combined -- by "
        "tools/generate_dictionaries.py from the open data below.\n"
        "organizations.tsv, public_bodies.tsv, civil_society.tsv, companies_world.tsv,\n"
        "sports_clubs.tsv, team_nicknames.tsv, media.tsv, features.tsv, venues.tsv, titles.tsv,\n"
        "people.tsv, cues.tsv, towns.tsv and state_abbreviations.tsv are the project's own "
        "hand-written\nlists.")
    sections = [
        ("GeoNames (places.tsv, regions.tsv, countries.tsv, demonyms.tsv)",
         GEONAMES_CREDIT + ".\nLicence: Creative Commons Attribution 4.0 "
         "International, https://creativecommons.org/licenses/by/4.0/\n"
         "Files used: cities15000, countryInfo, admin1CodesASCII. Changes: "
         "alternate names filtered,\nreformatted into nerkit's dictionary "
         "format, region weights computed from city populations,\nplaces "
         "linked to their first-level division by its id.\n"
         "The European towns of the hand-written towns.tsv were checked against GeoNames' places "
         "of 1,000\npeople and more (cities1000) for their existence, rounded population and "
         "first-level division.", None),
        ("i18n-iso-countries 7.14.0 (countries.tsv, demonyms.tsv)",
         "English country names and aliases (en.json). MIT licence:",
         os.path.join(src, "npm-i18n-iso-countries", "LICENSE")),
        ("i18n-nationality 1.4.0 (demonyms.tsv)",
         "English nationalities (en.json). MIT licence:",
         os.path.join(src, "npm-i18n-nationality", "LICENSE")),
        ("Wikidata country labels and aliases (countries.tsv)",
         "wikidata_country_aliases.csv: data from Wikidata (CC0 1.0); the "
         "file itself under the MIT licence:",
         os.path.join(src, "wikidata", "wikidata_country_aliases.LICENSE")),
        ("OpenSextant Xponents (demonyms.tsv; filters for places.tsv)",
         "nationalities.csv (demonyms, corrected) and non-placenames.csv "
         "(used as a filter) come from\nOpenSextant Xponents, licensed "
         "under the Apache License, Version 2.0. Its NOTICE file follows;\n"
         "the full licence text is at the end of this file.",
         os.path.join(src, "xponents", "NOTICE")),
        ("world universities and domains (universities.tsv)",
         "university-domains-list, world_universities_and_domains.json. "
         "MIT licence:",
         os.path.join(src, "orgs", "university-domains-list.LICENSE.txt")),
        ("Nasdaq listings (companies.tsv)",
         "Nasdaq-listed security names, courtesy of Nasdaq (NASDAQ Symbol "
         "Directory), via the\nnasdaq-listings data package, Open Data "
         "Commons Public Domain Dedication and License\n(ODC-PDDL 1.0). "
         "Security descriptions were removed and names shortened.", None),
        ("US Social Security Administration (given_names.tsv)",
         "Baby names 1880-2023, courtesy of the US Social Security "
         "Administration (public domain).", None),
        ("US Census Bureau (given_names.tsv, surnames.tsv)",
         "1990 Census name files, courtesy of the US Census Bureau "
         "(public domain).", None),
        ("SCOWL / wamerican, wbritish (words.tsv; 'common' flags in other "
         "files)",
         "English words from SCOWL as packaged in Debian's wamerican and "
         "wbritish (American and British\nspellings), under the same "
         "notice. wamerican's copyright file follows verbatim.",
         words_copyright),
    ]
    for title, text, path in sections:
        add("")
        add("-" * 72)
        add(title)
        add("-" * 72)
        add(text)
        if path:
            add("")
            if os.path.exists(path):
                add(read_text(path))
            else:
                add("(notice file %s was not available when this file was "
                    "generated)" % os.path.basename(path))
    lic = os.path.join(src, "xponents", "LICENSE")
    add("")
    add("-" * 72)
    add("Apache License, Version 2.0 (for the OpenSextant Xponents data)")
    add("-" * 72)
    add(read_text(lic) if os.path.exists(lic) else
        "https://www.apache.org/licenses/LICENSE-2.0")
    text = "\n".join(parts) + "\n"
    return "\n".join(line.rstrip() for line in text.split("\n"))


# --------------------------------------------------------------------------
# Driver

def generate(src, outdir, words_path, words_copyright, verbose=True):
    stats = collections.OrderedDict()
    words = load_words(words_path)
    nonplace = set()
    np_path = os.path.join(src, "xponents", "non-placenames.csv")
    if os.path.exists(np_path):
        for line in read_lines(np_path)[1:]:
            w = line.split(",")[0].strip().lower()
            if w and not w.startswith("#"):
                nonplace.add(nfc(w))
    countries = country_table(load_country_info(src))

    os.makedirs(outdir, exist_ok=True)
    counts = collections.OrderedDict()

    def by_id_rank(r):
        rank = 0 if "primary" in r[6] else 1 if "ascii" in r[6] else 2
        num = r[3].split(":")[-1]
        return (int(num) if num.isdigit() else 0, r[3], rank, r[0])

    def by_weight(r):
        return (-r[4], r[0], r[3])

    def by_surface(r):
        return (r[0], r[3])

    def by_canonical(r):
        rank = 0 if "primary" in r[6] else 1
        return (r[2], r[3], rank, r[0])

    places = build_places(src, words, nonplace, stats, load_known_companies(),
                          load_head_words(), load_blocked_places())
    counts["places.tsv"] = write_table(outdir, places, by_id_rank)
    counts["regions.tsv"] = write_table(
        outdir, build_regions(src, words, stats), by_id_rank)
    counts["countries.tsv"] = write_table(
        outdir, build_countries(src, words, countries, stats), by_canonical)
    demonyms = build_demonyms(src, words, countries, stats)
    counts["demonyms.tsv"] = write_table(outdir, demonyms, by_canonical)
    counts["given_names.tsv"] = write_table(
        outdir, build_given_names(src, words, stats), by_weight)
    counts["surnames.tsv"] = write_table(
        outdir, build_surnames(src, words, stats), by_weight)
    counts["universities.tsv"] = write_table(
        outdir, build_universities(src, stats), by_surface)
    counts["companies.tsv"] = write_table(
        outdir, build_companies(src, words, countries, demonyms, stats),
        by_canonical)
    counts["words.tsv"] = write_table(outdir, build_words(words, stats),
                                      by_surface)
    with open(os.path.join(outdir, "NOTICE"), "w", encoding="utf-8",
              newline="\n") as f:
        f.write(build_notice(src, words_copyright))
    if verbose:
        for k, v in stats.items():
            print("  %-66s %8d" % (k, v))
        total = 0
        for k, v in counts.items():
            print("  %-66s %8d" % ("lines: " + k, v))
            total += v
        print("  %-66s %8d" % ("lines: all generated .tsv files", total))
    return counts, stats


def load_rows(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line and not line.startswith("#"):
                rows.append(line.split("\t"))
    return rows


def spot_checks(outdir):
    """Known facts; returns a list of failures."""
    fails = []

    def rows(name):
        return load_rows(os.path.join(outdir, name))

    places = rows("places.tsv")
    by_surface = collections.defaultdict(list)
    for r in places:
        by_surface[r[0]].append(r)

    def ids_of(surface, table=by_surface):
        return sorted(set(r[3] for r in table.get(surface, [])))

    def expect(cond, what):
        print("  [%s] %s" % ("ok" if cond else "FAIL", what))
        if not cond:
            fails.append(what)

    expect("geonames:2210554" in ids_of("Sirte"), "Sirte is geonames:2210554")
    expect("geonames:2210554" in ids_of("Sirt")
           and "geonames:2210554" in ids_of("Surt"),
           "Sirt and Surt are alternates of Sirte (2210554)")
    expect("geonames:300822" in ids_of("Sirt"),
           "Sirt is also an alternate of Siirt, Turkey (300822)")
    for s in ("Misrata", "Misurata", "Misratah"):
        expect("geonames:2214846" in ids_of(s), "%s is geonames:2214846" % s)
    expect("geonames:88319" in ids_of("Benghazi"), "Benghazi is geonames:88319")
    expect(not ids_of("Lim") and "geonames:3936456" in ids_of("Lima") and
           "geonames:3451190" in ids_of("Rio"),
           "no surname of three letters as a place's short form (Lim, not Rio)")
    expect("geonames:1785738" in ids_of("Yuncheng") and not ids_of("Van Thanh") and
           not ids_of("Vận Thành"), "no Vietnamese names of Yuncheng (a person's: Lê Văn Thành)")
    nice = [r for r in by_surface.get("Nice", []) if "primary" in r[6]]
    expect(any("common" in r[6] for r in nice), "Nice (main name) is common")
    expect(all("common" in r[6] for r in by_surface.get("Rio Tinto", [])),
           "Rio Tinto, a town named as a known company, is common")
    expect(all("common" in r[6] for r in by_surface.get("Nagar", [])),
           "Nagar, a town named as a head word of cues.tsv, is common")
    expect(all("common" in r[6] for r in by_surface.get("Oba", [])),
           "Oba, a town named as a title of titles.tsv, is common")
    expect(all("common" not in r[6] for r in by_surface.get("Sabha", [])),
           "Sabha, a head word's town of more than 100,000 people, is not common")
    expect("Ramadan" not in by_surface,
           "Ramadan, blocked as a place by not_names.tsv, is no alternate name")
    expect(any("capital" in r[6].split(",")
               for r in by_surface.get("Tripoli", [])), "Tripoli is a capital")
    regions = {r[3]: r for r in rows("regions.tsv")}
    expect(any(r[5] == "US" and regions.get(r[7], [""] * 3)[2] == "Texas"
               for r in by_surface.get("Paris", [])),
           "Paris, Texas has the id of Texas as its region")
    expect(not any(r[0].isupper() and 2 <= len(r[0]) <= 4 and
                   "alternate" in r[6] for r in places),
           "no all-caps 2-4 letter alternates in places")
    expect(not by_surface.get("The Bank") and not by_surface.get("The Crossing"),
           "no nickname of 'The' and one English word in places")
    expect(bool(by_surface.get("The Hague")), "The Hague is a place")

    countries = collections.defaultdict(list)
    for r in rows("countries.tsv"):
        countries[r[0]].append(r)
    for s, iso in (("U.S.", "US"), ("US", "US"), ("USA", "US"),
                   ("U.S.A.", "US"), ("United States", "US"),
                   ("United States of America", "US"), ("America", "US"),
                   ("Britain", "GB"), ("Great Britain", "GB"), ("UK", "GB"),
                   ("U.K.", "GB"), ("United Kingdom", "GB"),
                   ("Russia", "RU"), ("South Korea", "KR"),
                   ("North Korea", "KP"), ("Ivory Coast", "CI"),
                   ("Côte d'Ivoire", "CI"), ("Czech Republic", "CZ"),
                   ("Czechia", "CZ"), ("Burma", "MM"), ("Myanmar", "MM"),
                   ("Democratic Republic of the Congo", "CD"),
                   ("Republic of the Congo", "CG"), ("Libya", "LY")):
        expect(any(r[5] == iso for r in countries.get(s, [])),
               "%s -> %s in countries" % (s, iso))
    expect(any("cs" in r[6].split(",") for r in countries.get("US", [])),
           "US is case-sensitive")
    expect("us" not in countries and "GBR" not in countries,
           "no lower-case or ISO3 aliases in countries")

    dem = collections.defaultdict(list)
    for r in rows("demonyms.tsv"):
        dem[r[0]].append(r)
    expect(any(r[2] == "Libya" and r[3] == "geonames:2215636"
               for r in dem.get("Libyan", [])), "Libyan -> Libya")
    expect("Libyans" in dem and "Americans" in dem, "plurals Libyans, Americans")
    expect("Chineses" not in dem and "Swisses" not in dem
           and "Frenchs" not in dem, "no plural of Chinese, Swiss, French")

    given = {r[0]: r for r in rows("given_names.tsv")}
    for s in ("Will", "May", "Faith", "Mark", "August"):
        expect(s in given and "common" in given[s][6].split(","),
               "%s is a common given name" % s)
    expect("Mohammed" in given and "male" in given["Mohammed"][6],
           "Mohammed is a male given name")

    sur = {r[0]: r for r in rows("surnames.tsv")}
    expect(sur.get("Smith", [None] * 5)[4] == "1006", "Smith weight 1006")
    for s in ("White", "Young", "King"):
        expect(s in sur and "common" in sur[s][6].split(","),
               "%s is a common surname" % s)
    for s in ("McDonald", "O'Brien", "MacArthur", "Machado"):
        expect(s in sur, "surname %s" % s)

    comp = collections.defaultdict(list)
    for r in rows("companies.tsv"):
        comp[r[0]].append(r)
    expect("Apple Inc." in comp, "Apple Inc. in companies")
    expect("Apple" not in comp,
           "Apple (a one-word short form that is a word) left to the "
           "hand-written organizations.tsv")
    expect("AAPL" not in comp, "no ticker symbols as surfaces")
    expect(not any(re.search(r"Common Stock|Warrant", s) for s in comp),
           "no security descriptions in company names")

    reg = collections.defaultdict(list)
    for r in rows("regions.tsv"):
        reg[r[0]].append(r)
    expect(any(r[3] == "geonames:99592" for r in reg.get("Anbar", [])),
           "Anbar, an alternate of Al Anbar")
    expect("Free" not in reg and "Capital" not in reg and "Los Santos" not in reg,
           "no short form of a division that is a word or opens with an article")

    words = {r[0] for r in rows("words.tsv")}
    expect("reading" in words and "Reading" not in words
           and not any("'" in w for w in words), "words are lower-case only")
    expect({"defence", "labour", "neighbour", "defense", "labor"} <= words,
           "American and British spellings are words")
    return fails


def self_test(src, words_path, words_copyright):
    fails = []
    with tempfile.TemporaryDirectory() as a, \
            tempfile.TemporaryDirectory() as b:
        print("generating into", a)
        counts, stats = generate(src, a, words_path, words_copyright)
        print("generating again into", b)
        generate(src, b, words_path, words_copyright, verbose=False)
        for name in GENERATED_FILES:
            same = filecmp.cmp(os.path.join(a, name), os.path.join(b, name),
                               shallow=False)
            print("  [%s] %s byte-identical" % ("ok" if same else "FAIL",
                                                 name))
            if not same:
                fails.append(name + " differs between runs")
        extra = sorted(set(os.listdir(a)) - set(GENERATED_FILES))
        if extra:
            fails.append("unexpected files: %s" % extra)
        for name in GENERATED_FILES:
            if name.endswith(".tsv"):
                probs = validate_file(os.path.join(a, name))
                print("  [%s] %s valid" % ("ok" if not probs else "FAIL",
                                           name))
                for p in probs[:10]:
                    print("      " + p)
                fails.extend(probs)
        if stats["places: distinct ids"] != 32847:
            print("  [note] places: %d distinct ids (expected 32,847)"
                  % stats["places: distinct ids"])
        fails.extend(spot_checks(a))
    print("self-test:", "FAILED (%d)" % len(fails) if fails else "passed")
    return 1 if fails else 0


def main(argv=None):
    here = os.path.dirname(os.path.abspath(__file__))
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("sources", metavar="SOURCES_DIR")
    p.add_argument("--out", default=os.path.join(os.path.dirname(here),
                                                 "dictionaries"))
    p.add_argument("--words",
                   default="/usr/share/dict/american-english,"
                           "/usr/share/dict/british-english",
                   help="comma-separated word lists (Debian: wamerican, "
                        "wbritish)")
    p.add_argument("--words-copyright",
                   default="/usr/share/doc/wamerican/copyright")
    p.add_argument("--self-test", action="store_true",
                   help="generate twice into temporary folders, compare, "
                        "validate and run spot checks; writes nothing else")
    args = p.parse_args(argv)
    if not os.path.isdir(args.sources):
        p.error("no such folder: %s" % args.sources)
    for path in args.words.split(","):
        if not os.path.exists(path):
            p.error("word list not found: %s (Debian: apt-get install "
                    "wamerican wbritish)" % path)
    if args.self_test:
        return self_test(args.sources, args.words, args.words_copyright)
    print("writing into", args.out)
    generate(args.sources, args.out, args.words, args.words_copyright)
    problems = []
    for name in GENERATED_FILES:
        if name.endswith(".tsv"):
            problems.extend(validate_file(os.path.join(args.out, name)))
    for pr in problems[:20]:
        print("invalid:", pr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
