#!/usr/bin/env python3
"""The HTML pages of nerkit-extract as a browser shows them.

Renders `nerkit-extract --format html` of the example article (and of documents written here
that hold markup and invalid UTF-8) and an evaluation report in headless Chromium through
Selenium, and checks the rendered DOM: every entity's text, label and offsets against the JSON
output, the label drawn beside it, the legend, the side panel's counts and links, the table of
contents, text that looks like markup staying text, highlights that U+FFFD does not shift, and
that no page makes a network request (a control page that loads an image shows the check can
fail). Screenshots are written to ARTIFACT_DIR and their paths printed.

usage: browser_test.py NERKIT_EXTRACT SOURCE_DIR ARTIFACT_DIR

Needs Debian's chromium, chromium-driver and python3-selenium (run with /usr/bin/python3);
exits 77, which CTest reports as skipped, when one of them is missing.
"""

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile

SKIP = 77
LABELS = ["PERSON", "LOCATION", "ORGANIZATION", "DATE", "TIME", "DURATION", "SET"]

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL: " + message)
    return condition


def skip(message):
    print("browser_test skipped: " + message)
    sys.exit(SKIP)


def find_browser():
    try:
        from selenium import webdriver  # noqa: F401
    except ImportError:
        skip("Python module selenium not found for %s (Debian: apt-get install python3-selenium)"
             % sys.executable)
    chromium = next((shutil.which(n) for n in ("chromium", "chromium-browser")
                     if shutil.which(n)), None)
    if not chromium:
        skip("chromium not found (Debian: apt-get install chromium chromium-driver)")
    driver = shutil.which("chromedriver") or "/usr/lib/chromium/chromedriver"
    if not os.access(driver, os.X_OK):
        skip("chromedriver not found (Debian: apt-get install chromium-driver)")
    return chromium, driver


def start_browser(chromium, driver_path, profile):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--hide-scrollbars",
                 "--force-device-scale-factor=1", "--window-size=1400,1600",
                 "--user-data-dir=" + profile):
        options.add_argument(flag)
    # Every request a page makes is in the performance log (Network.requestWillBeSent).
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    return webdriver.Chrome(service=Service(executable_path=driver_path), options=options)


def run_tool(tool, args):
    result = subprocess.run([tool] + args, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if result.returncode != 0:
        print(result.stderr.decode("utf-8", "replace"))
        raise SystemExit("nerkit-extract %s failed with status %d" % (" ".join(args),
                                                                        result.returncode))
    return result.stdout


def requests_made(driver, page_url):
    """URLs the page asked for since the last call (besides the page itself). The browser's own
    pages (a new tab's chrome:// resources) are not the page's."""
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent":
            params = message["params"]
            url = params["request"]["url"]
            if params.get("documentURL") == page_url and url != page_url:
                urls.append(url)
    resources = driver.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name)")
    return urls + [u for u in resources if u not in urls]


def load(driver, path):
    url = "file://" + os.path.abspath(path)
    driver.get_log("performance")  # drop what earlier pages logged
    driver.get(url)
    driver.execute_script("return document.readyState")
    return url


def screenshot(driver, path, width=1400, height=1600, full=False):
    if full:
        height = min(12000, max(height, driver.execute_script(
            "return document.documentElement.scrollHeight")))
    driver.set_window_size(width, height)
    driver.save_screenshot(path)
    print("screenshot: " + path)


def shown_bytes(text):
    """Bytes of the original document a rendered text stands for (U+FFFD is one bad byte)."""
    return sum(1 if ch == "\ufffd" else len(ch.encode("utf-8")) for ch in text)


READ_SECTIONS = """
return [...document.querySelectorAll('section.doc')].map(section => {
  const text = section.querySelector('div.text');
  const marks = text ? [...text.querySelectorAll('mark.e')] : [];
  return {
    id: section.id,
    heading: section.querySelector('h2').textContent,
    text: text ? text.textContent : null,
    marks: marks.map(m => {
      const range = document.createRange();
      range.setStart(text, 0);
      range.setEndBefore(m);
      const box = m.getBoundingClientRect();
      return {text: m.textContent, label: m.dataset.label, start: +m.dataset.start,
              end: +m.dataset.end, id: m.id, before: range.toString(),
              after: getComputedStyle(m, '::after').content,
              background: getComputedStyle(m).backgroundColor,
              visible: box.width > 0 && box.height > 0, title: m.title};
    }),
    panel: [...section.querySelectorAll('aside.panel ul.group')].map(ul => ({
      label: ul.dataset.label,
      items: [...ul.querySelectorAll('li')].map(li => ({
        href: li.querySelector('a').getAttribute('href'),
        name: li.querySelector('a').textContent,
        count: +li.querySelector('.n').textContent,
        target: (document.getElementById(li.querySelector('a').getAttribute('href').slice(1))
                 || {}).tagName || null}))}))
  };
});
"""

NETWORK_ELEMENTS = """
const fetching = [...document.querySelectorAll(
    'script, link, img, iframe, object, embed, video, audio, source, image, [src], [srcset]')];
const outside = [...document.querySelectorAll('[href]')].filter(
    e => !e.getAttribute('href').startsWith('#'));
const csp = document.querySelector('meta[http-equiv="Content-Security-Policy"]');
return {fetching: fetching.map(e => e.outerHTML.slice(0, 80)),
        outside: outside.map(e => e.outerHTML.slice(0, 80)),
        csp: csp ? csp.content : null, scripts: document.scripts.length,
        images: document.images.length, title: document.title,
        injected: typeof window.nerkitInjected};
"""


def network_problems(driver, url):
    """What makes the loaded page not self-contained: requests it made, elements that load
    something or links that leave it, a missing Content-Security-Policy, scripts."""
    problems = []
    requests = requests_made(driver, url)
    if requests:
        problems.append("network requests: %s" % ", ".join(requests))
    dom = driver.execute_script(NETWORK_ELEMENTS)
    if dom["csp"] != "default-src 'none'; style-src 'unsafe-inline'":
        problems.append("Content-Security-Policy %r" % dom["csp"])
    if dom["fetching"]:
        problems.append("elements that load something: %s" % dom["fetching"])
    if dom["outside"]:
        problems.append("links that leave the page: %s" % dom["outside"])
    if dom["scripts"]:
        problems.append("%d script elements" % dom["scripts"])
    return problems, dom


def check_no_network(driver, url, name):
    problems, dom = network_problems(driver, url)
    for p in problems:
        check(False, "%s: %s" % (name, p))
    return dom


def check_control_page(driver, tmp):
    """A page that loads an image and a style sheet: the checks must see it."""
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()  # nothing listens there: the requests fail at once, and stay on this machine
    control = os.path.join(tmp, "control.html")
    with open(control, "w") as f:
        f.write('<!DOCTYPE html><html><head><link rel="stylesheet" '
                'href="http://127.0.0.1:%d/style.css"></head><body><p>control</p>'
                '<img src="http://127.0.0.1:%d/pixel.png"></body></html>' % (port, port))
    url = load(driver, control)
    problems, _ = network_problems(driver, url)
    check(len(problems) == 4 and "pixel.png" in problems[0] and "style.css" in problems[0],
          "the checks do not see what the control page loads: %s" % problems)
    print("control page (loads an image and a style sheet): " + "; ".join(problems))


def check_page(driver, page, documents, name, screenshot_path=None):
    url = load(driver, page)
    dom = check_no_network(driver, url, name)
    sections = driver.execute_script(READ_SECTIONS)
    check(len(sections) == len(documents),
          "%s: %d sections for %d documents" % (name, len(sections), len(documents)))
    legend = driver.execute_script(
        "return [...document.querySelectorAll('header ul.legend li')].map(li => "
        "[li.textContent, getComputedStyle(li).backgroundColor])")
    check([l[0] for l in legend] == LABELS, "%s: legend %s" % (name, legend))
    colour = {label: bg for label, bg in legend}
    check(len(set(colour.values())) == len(LABELS), "%s: legend colours not distinct" % name)
    entities = 0
    for index, (section, doc) in enumerate(zip(sections, documents)):
        where = "%s, document %d (%s)" % (name, index, doc["id"])
        check(section["id"] == "d%d" % index, where + ": section id " + section["id"])
        marks = section["marks"]
        expected = doc["entities"]
        entities += len(expected)
        check(len(marks) == len(expected),
              "%s: %d highlights for %d entities" % (where, len(marks), len(expected)))
        for mark, entity in zip(marks, expected):
            what = "%s: entity %r at %d" % (where, entity["text"], entity["start"])
            check(mark["text"] == entity["text"], "%s: highlighted text %r" % (what, mark["text"]))
            check(mark["label"] == entity["label"], "%s: label %r" % (what, mark["label"]))
            check((mark["start"], mark["end"]) == (entity["start"], entity["end"]),
                  "%s: offsets %d-%d" % (what, mark["start"], mark["end"]))
            check(mark["after"] == '"%s"' % entity["label"],
                  "%s: the label beside it is %s" % (what, mark["after"]))
            check(mark["background"] == colour[entity["label"]],
                  "%s: colour %s, the legend's is %s" % (what, mark["background"],
                                                        colour[entity["label"]]))
            check(mark["visible"], what + ": not visible")
            check(shown_bytes(mark["before"]) == entity["start"],
                  "%s: %d bytes of text before the highlight" % (what,
                                                                 shown_bytes(mark["before"])))
            for key in ("canonical", "id", "value"):
                if entity.get(key):
                    check(entity[key] in mark["title"],
                          "%s: the hover text lacks %s %r" % (what, key, entity[key]))
            check(entity["source"] in mark["title"], what + ": the hover text lacks the source")
        # The side panel: one item per cluster, with its number of mentions, linking to the first.
        panel = {item["href"]: (group["label"], item["count"], item["target"])
                 for group in section["panel"] for item in group["items"]}
        for cluster in doc["clusters"]:
            href = "#d%d-e%d" % (index, cluster["mentions"][0])
            check(panel.get(href) == (cluster["label"], len(cluster["mentions"]), "MARK"),
                  "%s: cluster %r in the panel: %s" % (where, cluster["name"], panel.get(href)))
        dates = {}
        for i, e in enumerate(expected):
            if e["label"] == "DATE":
                dates.setdefault(e["value"] or e["text"], []).append(i)
        for key, mentions in dates.items():
            href = "#d%d-e%d" % (index, mentions[0])
            check(panel.get(href) == ("DATE", len(mentions), "MARK"),
                  "%s: date %s in the panel: %s" % (where, key, panel.get(href)))
    if len(documents) > 1:
        toc = driver.execute_script(
            "const nav = document.querySelector('nav.toc');"
            "return nav && {links: [...nav.querySelectorAll('a')].map(a => a.getAttribute('href')),"
            "above: nav.getBoundingClientRect().top < "
            "document.querySelector('main').getBoundingClientRect().top};")
        check(toc is not None and toc["links"] == ["#d%d" % i for i in range(len(documents))]
              and toc["above"], "%s: table of contents %s" % (name, toc))
    print("%s: %d documents, %d entities checked in the rendered page" % (name, len(documents),
                                                                         entities))
    if screenshot_path:
        screenshot(driver, screenshot_path, full=True)
    return sections, dom


def check_report(driver, tool, source_dir, tmp, artifacts):
    """A report on gold made here from nerkit's own output with one error of each kind."""
    article = os.path.join(source_dir, "examples", "data", "article.txt")
    out = json.loads(run_tool(tool, [article]))
    text = open(article, encoding="utf-8").read()
    data = text.encode("utf-8")

    def cp(byte):
        return len(data[:byte].decode("utf-8"))

    gold = [{"start": cp(e["start"]), "end": cp(e["end"]), "label": e["label"],
             "value": e["value"]} for e in out["entities"]]
    names = [g for g in gold if g["label"] in ("PERSON", "LOCATION", "ORGANIZATION")]
    del gold[gold.index(names[0])]                      # spurious: predicted, not in the gold
    names[1]["label"] = "PERSON" if names[1]["label"] != "PERSON" else "LOCATION"  # wrong label
    names[2]["end"] += 1                                 # wrong boundary
    missed = text.index("brigade")
    gold.append({"start": missed, "end": missed + len("brigade"), "label": "ORGANIZATION"})
    gold_path = os.path.join(tmp, "gold.jsonl")
    with open(gold_path, "w", encoding="utf-8") as f:
        f.write(json.dumps({"id": "article", "text": text, "entities": gold}) + "\n")
    report = os.path.join(tmp, "report.html")
    scores = run_tool(tool, ["--evaluate", gold_path, "--report", report]).decode()
    url = load(driver, report)
    check_no_network(driver, url, "report")
    seen = driver.execute_script("""
      const bars = [...document.querySelectorAll('svg.bars rect.bar')];
      return {
        bars: bars.map(b => [b.dataset.label, b.dataset.measure, b.getBBox().width]),
        rows: [...document.querySelectorAll('table.scores tbody tr')].map(
            tr => [...tr.querySelectorAll('td')].map(td => td.textContent)),
        confusion: [...document.querySelectorAll('table.confusion td')].filter(
            td => +td.textContent > 0).map(td => [td.dataset.gold, td.dataset.predicted,
                                                  +td.textContent]),
        kinds: [...document.querySelectorAll('section.errors')].map(s => [s.id,
            s.querySelectorAll('ol.errs li').length,
            s.querySelectorAll('ol.errs li .ctx span.g').length,
            s.querySelectorAll('ol.errs li .ctx span.p').length])};
    """)
    kinds = {k[0]: k[1:] for k in seen["kinds"]}
    check(kinds.get("missed", [0])[0] == 1 and kinds["missed"][1] >= 1,
          "report: missed %s" % kinds.get("missed"))
    check(kinds.get("spurious", [0])[0] == 1 and kinds["spurious"][2] >= 1,
          "report: spurious %s" % kinds.get("spurious"))
    check(kinds.get("wrong-label", [0])[0] == 1, "report: wrong label %s" % kinds.get("wrong-label"))
    check(kinds.get("wrong-boundary", [0])[0] == 1,
          "report: wrong boundary %s" % kinds.get("wrong-boundary"))
    check(["ORGANIZATION", "missed", 1] in seen["confusion"],
          "report: confusion table %s" % seen["confusion"])
    # Bars: three per row of the table, as long as the figure says (460 px for 100).
    check(len(seen["bars"]) == 3 * len(seen["rows"]),
          "report: %d bars for %d rows" % (len(seen["bars"]), len(seen["rows"])))
    for (label, measure, width), value in zip(
            seen["bars"], [float(v) for row in seen["rows"] for v in row[4:7]]):
        check(abs(width - 4.6 * value) <= 1, "report: %s %s bar %.1f px for %.2f" % (
            label, measure, width, value))
    check("MICRO" in scores, "report: the scores are still printed")
    print("report: %d bars, %d confusion cells, errors %s" % (
        len(seen["bars"]), len(seen["confusion"]), kinds))
    screenshot(driver, os.path.join(artifacts, "report.png"), full=True)


def main():
    if len(sys.argv) != 4:
        raise SystemExit(__doc__)
    tool, source_dir, artifacts = sys.argv[1:4]
    chromium, driver_path = find_browser()
    os.makedirs(artifacts, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="nerkit-browser-") as tmp:
        article = os.path.join(source_dir, "examples", "data", "article.txt")
        markup = os.path.join(tmp, "markup.txt")
        with open(markup, "wb") as f:
            f.write(b'<script>window.nerkitInjected = 1; document.title = "injected"</script>\n'
                    b'Ahmed Hadiya told Reuters in Misrata <img src="http://127.0.0.1:9/x.png" '
                    b'onerror="window.nerkitInjected = 2"> & <b>Sirte</b> on Monday.\n\n'
                    b'Bad bytes \xff\xfe before Benghazi, \xc3 and after Tripoli \xe2\x80 too.\n')
        profile = os.path.join(tmp, "profile")
        driver = start_browser(chromium, driver_path, profile)
        try:
            check_control_page(driver, tmp)
            # The example article alone: the page of the README.
            page = os.path.join(tmp, "article.html")
            with open(page, "wb") as f:
                f.write(run_tool(tool, ["--format", "html", article]))
            documents = [json.loads(run_tool(tool, ["--format", "jsonl", article]))]
            check_page(driver, page, documents, "article",
                       os.path.join(artifacts, "article.png"))
            # Several documents: contents, markup as text, invalid UTF-8.
            page = os.path.join(tmp, "several.html")
            with open(page, "wb") as f:
                f.write(run_tool(tool, ["--format", "html", article, markup]))
            documents = [json.loads(line) for line in
                         run_tool(tool, ["--format", "jsonl", article, markup]).splitlines()]
            sections, dom = check_page(driver, page, documents, "several",
                                       os.path.join(artifacts, "several.png"))
            shown = sections[1]["text"] or ""
            check(shown.startswith('<script>window.nerkitInjected = 1; document.title = '
                                   '"injected"</script>'),
                  "the <script> of a document is not shown as text: %r" % shown[:80])
            check('<img src="http://127.0.0.1:9/x.png"' in shown and "<b>Sirte</b>" in shown,
                  "markup of a document is not shown as text")
            check(dom["injected"] == "undefined" and dom["title"] != "injected"
                  and dom["images"] == 0, "a document's markup ran: %s" % dom)
            check(shown.count("\ufffd") == 5, "%d U+FFFD shown for 5 bad bytes"
                  % shown.count("\ufffd"))
            check_report(driver, tool, source_dir, tmp, artifacts)
        finally:
            driver.quit()
    if failures:
        print("%d check(s) failed" % len(failures))
        return 1
    print("browser_test: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
