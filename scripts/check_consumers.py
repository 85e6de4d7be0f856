"""Holds a Spanlight export to the rules of the tool that reads it, as that tool's documentation and source
state them (each check says whose rule it is). Run by src/core/export/consumers.test.ts.

Usage: python3 check_consumers.py FORMAT EXPORT

FORMAT is one of brat, label-studio, doccano, spacy, conll, webanno, qdpx; EXPORT is the file (brat: the
folder). webanno needs PyLD and qdpx lxml (Debian: python3-pyld, python3-lxml). Prints "FORMAT: ok, N checked"
and exits 0, or prints the first broken rule to stderr and exits 1.
"""
import json
import os
import re
import sys
import zipfile


def fail(message):
    print(message, file=sys.stderr)
    sys.exit(1)


# --- brat (server/src/annotation.py: the .ann is read with codecs, whose readlines is str.splitlines) --------

def check_brat(path):
    checked = 0
    conf = open(os.path.join(path, "annotation.conf"), encoding="utf-8").read()
    declared = set()
    section = None
    for line in conf.splitlines():
        if line.startswith("["):
            section = line.strip("[]")
        elif line.strip() and section in ("entities", "relations"):
            declared.add(line.split("\t")[0])
    for name in sorted(n[:-4] for n in os.listdir(path) if n.endswith(".ann")):
        with open(os.path.join(path, name + ".txt"), "rb") as f:
            text = f.read().decode("utf-8")
        with open(os.path.join(path, name + ".ann"), "rb") as f:
            lines = f.read().decode("utf-8").splitlines()
        ids = set()
        for number, line in enumerate(lines, start=1):
            where = f"{name}.ann:{number}"
            ann_id, tail = line.split("\t", 1)
            if ann_id in ids:
                fail(f"{where}: duplicate id {ann_id}")
            ids.add(ann_id)
            if ann_id.startswith("T"):
                data, _, quoted = tail.partition("\t")
                kind, offsets = data.split(" ", 1)
                if kind not in declared:
                    fail(f"{where}: type {kind} is not in annotation.conf")
                spans = [tuple(int(x) for x in part.split(" ")) for part in offsets.split(";")]
                seen = []
                for start, end in spans:
                    if not 0 <= start <= end <= len(text):
                        fail(f"{where}: span {start} {end} is outside the text")
                    # brat's rule: fragments of one annotation may not overlap (touching ends count as overlap
                    # only when end >= other start and start < other end).
                    if any(end >= s and start < e for s, e in seen):
                        fail(f"{where}: fragments overlap")
                    seen.append((start, end))
                reference = " ".join(text[s:e] for s, e in spans)
                if quoted != reference:
                    fail(f"{where}: text {quoted!r} does not match marked span(s) text {reference!r}")
                checked += 1
            elif ann_id.startswith("R"):
                kind, arg1, arg2 = tail.split(" ")
                if kind not in declared:
                    fail(f"{where}: relation {kind} is not in annotation.conf")
                for arg, role in ((arg1, "Arg1"), (arg2, "Arg2")):
                    if not arg.startswith(role + ":") or arg[len(role) + 1:] not in ids:
                        fail(f"{where}: {arg} names no text-bound annotation above it")
            elif ann_id.startswith(("A", "#")):
                target = tail.split("\t")[0].split(" ")[1]
                if target not in ids:
                    fail(f"{where}: {target} names no annotation above it")
    return checked


# --- Label Studio (label_studio_converter/converter.py: get_data reads task['id'], task['data'], and each
# annotation's 'result'; each result with a from_name has a 'value') ------------------------------------------

def check_label_studio(path):
    checked = 0
    tasks = json.load(open(path, encoding="utf-8"))
    if not isinstance(tasks, list):
        fail("the file is not a list of tasks")
    ids = set()
    for t, task in enumerate(tasks):
        for key in ("id", "data", "annotations"):
            if key not in task:
                fail(f"task {t}: no {key!r}")
        if not isinstance(task["id"], int) or task["id"] in ids:
            fail(f"task {t}: id {task['id']!r} is not a unique integer")
        ids.add(task["id"])
        text = task["data"]["text"]
        for annotation in task["annotations"]:
            for result in annotation["result"]:
                if result["type"] == "relation":
                    for key in ("from_id", "to_id"):
                        if key not in result:
                            fail(f"task {t}: a relation without {key}")
                    continue
                for key in ("from_name", "to_name", "type", "value"):
                    if key not in result:
                        fail(f"task {t}: a result without {key!r}")
                value = result["value"]
                if text[value["start"]:value["end"]] != value["text"]:
                    fail(f"task {t}: region {result.get('id')} text does not match")
                checked += 1
    return checked


# --- doccano (sequence labelling JSONL: "text" and "label" as [start, end, label], offsets in characters) ----

def check_doccano(path):
    checked = 0
    raw = open(path, "rb").read()
    if any(byte >= 0x80 for byte in raw):
        fail("a byte is not ASCII: doccano's encoding detection may take the file for another encoding")
    for number, line in enumerate(raw.decode("ascii").split("\n")[:-1], start=1):
        doc = json.loads(line)
        for key in ("text", "label"):
            if key not in doc:
                fail(f"line {number}: no {key!r}")
        for entry in doc["label"]:
            start, end, label = entry
            if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(doc["text"])):
                fail(f"line {number}: label {entry} is outside the text")
            if not isinstance(label, str):
                fail(f"line {number}: label {entry} has no name")
            checked += 1
    return checked


# --- spaCy (Doc(vocab, words, spaces): the text is each word followed by one space where spaces says so) ----

def check_spacy(path):
    checked = 0
    for number, line in enumerate(open(path, encoding="utf-8", newline=""), start=1):
        doc = json.loads(line)
        words = [t["text"] for t in doc["tokens"]]
        spaces = [t["ws"] for t in doc["tokens"]]
        if any(w == "" for w in words):
            fail(f"line {number}: an empty word")
        rebuilt = "".join(w + (" " if s else "") for w, s in zip(words, spaces))
        if rebuilt != doc["text"]:
            fail(f"line {number}: Doc(words, spaces) gives {rebuilt!r}, not the text {doc['text']!r}")
        # Span(doc, token_start, token_end + 1) must cover exactly the span's characters.
        starts = [0]
        for w, s in zip(words, spaces):
            starts.append(starts[-1] + len(w) + (1 if s else 0))
        for span in doc["spans"]:
            if "token_start" in span:
                first, last = span["token_start"], span["token_end"]
                if (starts[first], starts[last] + len(words[last])) != (span["start"], span["end"]):
                    fail(f"line {number}: span {span} does not cover its tokens")
                checked += 1
    return checked


# --- CoNLL columns with seqeval's rules (IOB2, strict: I-X continues a B-X or I-X of the same type) ----------

def check_conll(path):
    checked = 0
    labels = []
    previous = {}
    for number, line in enumerate(open(path, encoding="utf-8", newline=""), start=1):
        line = line.rstrip("\n")
        if line.startswith("# columns = "):
            labels = line[len("# columns = "):].split(" ")[3:]
        elif line == "" or line.startswith("#"):
            previous = {}
        else:
            fields = line.split("\t")
            if len(fields[0].split()) != 1:
                fail(f"line {number}: token {fields[0]!r} is empty or holds white space")
            for label, tag in zip(labels, fields[3:]):
                prefix, _, kind = tag.partition("-")
                if tag != "O" and (prefix not in ("B", "I") or kind != label):
                    fail(f"line {number}: tag {tag!r} in the {label} column")
                if prefix == "I" and previous.get(label, "O") == "O":
                    fail(f"line {number}: {tag} follows O")
                previous[label] = tag
            checked += 1
    return checked


# --- W3C Web Annotation (the model's MUSTs, after JSON-LD expansion by PyLD) ------------------------------

OA = "http://www.w3.org/ns/oa#"
ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"


def check_webanno(path, context_path):
    from pyld import jsonld

    context = json.load(open(context_path, encoding="utf-8"))

    def loader(url, options=None):
        # No network here: the model's context is served from the copy the test gives.
        if url != ANNO_CONTEXT:
            fail(f"the export loads a context other than the model's: {url}")
        return {"contextUrl": None, "documentUrl": url, "document": context}

    jsonld.set_document_loader(loader)
    data = json.load(open(path, encoding="utf-8"))
    texts = {n["id"]: n["value"] for n in data["@graph"] if n["type"] == "Text"}
    expanded = jsonld.expand(data)
    nodes = expanded[0]["@graph"] if "@graph" in expanded[0] else expanded
    checked = 0
    by_id = {n["id"]: n for n in data["@graph"]}
    for node in nodes:
        if OA + "Annotation" not in node.get("@type", []):
            continue
        where = node.get("@id")
        if not where or not re.match(r"^[a-z][a-z0-9+.-]*:", where):
            fail(f"an Annotation without an IRI: {where}")
        if OA + "hasTarget" not in node:
            fail(f"{where}: no target (the model: an Annotation MUST have one or more targets)")
        source = by_id[where]
        motivation = node.get(OA + "motivatedBy", [{}])[0].get("@id")
        if motivation != OA + source["motivation"]:
            fail(f"{where}: motivation {source['motivation']} did not expand to an oa: motivation")
        for body in node.get(OA + "hasBody", []):
            if "http://www.w3.org/1999/02/22-rdf-syntax-ns#value" not in body:
                fail(f"{where}: a TextualBody without rdf:value")
        for target in node[OA + "hasTarget"]:
            if OA + "hasSource" not in target:
                continue
            text = texts[target[OA + "hasSource"][0]["@id"]]
            selectors = {s["@type"][0]: s for s in target[OA + "hasSelector"]}
            position = selectors[OA + "TextPositionSelector"]
            start, end = (int(position[OA + k][0]["@value"]) for k in ("start", "end"))
            if not 0 <= start <= end <= len(text):
                fail(f"{where}: TextPositionSelector [{start}, {end}) is not in the text")
            quote = selectors[OA + "TextQuoteSelector"]
            exact = quote[OA + "exact"][0]["@value"]
            prefix = quote.get(OA + "prefix", [{"@value": ""}])[0]["@value"]
            suffix = quote.get(OA + "suffix", [{"@value": ""}])[0]["@value"]
            if text[start:end] != exact:
                fail(f"{where}: the quote is not the text at its position")
            whole = prefix + exact + suffix
            places = [i for i in range(len(text)) if text.startswith(whole, i)]
            if places != [start - len(prefix)]:
                fail(f"{where}: the TextQuoteSelector matches {len(places)} places")
            checked += 1
    # A text resource's provenance (Spanlight's issue 15): `via` is an IRI (oa:via, typed @id), the rest literals.
    for node in nodes:
        if "http://purl.org/dc/dcmitype/Text" not in node.get("@type", []):
            continue
        for via in node.get(OA + "via", []):
            if "@id" not in via or not re.match(r"^[a-z][a-z0-9+.-]*:", via["@id"]):
                fail(f"{node.get('@id')}: via {via} is not an absolute IRI")
        for term in ("http://purl.org/dc/elements/1.1/language", "http://purl.org/dc/terms/issued"):
            for value in node.get(term, []):
                if "@value" not in value:
                    fail(f"{node.get('@id')}: {term} {value} is not a literal")
    return checked


# --- REFI-QDA (the standard's project structure, urn:QDA-XML:project:1.0, and its sources folder) ------------

QDE = "{urn:QDA-XML:project:1.0}"
GUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
# The order of the Project element's children in the standard's schema (an xs:sequence).
PROJECT_ORDER = ["Users", "CodeBook", "Variables", "Cases", "Sources", "Notes", "Links", "Sets", "Graphs",
                 "NoteRef", "Description"]


def check_qdpx(path):
    from lxml import etree

    checked = 0
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        if "project.qde" not in names:
            fail("no project.qde at the root of the zip")
        if any(n.startswith("Sources/") for n in names):
            fail("a source is in Sources/: the standard names the folder sources/")
        root = etree.fromstring(z.read("project.qde"))
        if root.tag != QDE + "Project" or not root.get("name"):
            fail(f"the root is {root.tag}, not a named Project")
        order = [PROJECT_ORDER.index(child.tag[len(QDE):]) for child in root]
        if order != sorted(order):
            fail(f"Project's children are out of the schema's order: {[c.tag for c in root]}")
        guids = set()
        for element in root.iter():
            guid = element.get("guid")
            if guid is not None:
                if not GUID.match(guid) or guid in guids:
                    fail(f"{element.tag}: guid {guid} is not a unique GUID")
                guids.add(guid)
        codes = {c.get("guid") for c in root.iter(QDE + "Code")}
        for code in root.iter(QDE + "Code"):
            # The schema's RGBType, and a required name and isCodable.
            if not re.match(r"^#[0-9A-Fa-f]{6}$", code.get("color") or "#000000") or code.get("name") is None \
                    or code.get("isCodable") not in ("true", "false"):
                fail(f"Code {code.get('guid')}: color, name or isCodable does not fit the schema")
        users = {u.get("guid") for u in root.iter(QDE + "User")}
        # The schema's VariableType (guid, name and typeOfVariable required) and VariableValueType (a VariableRef,
        # then one value element), and TextSourceType's order: selections, codings, note refs, then values.
        variables = {}
        for variable in root.iter(QDE + "Variable"):
            kind = variable.get("typeOfVariable")
            if not variable.get("name") or kind not in ("Text", "Boolean", "Integer", "Float", "Date", "DateTime"):
                fail(f"Variable {variable.get('guid')}: name or typeOfVariable does not fit the schema")
            variables[variable.get("guid")] = kind
        for source in root.iter(QDE + "TextSource"):
            order = ["Description", "PlainTextContent", "PlainTextSelection", "Coding", "NoteRef", "VariableValue"]
            seen = [order.index(child.tag[len(QDE):]) for child in source]
            if seen != sorted(seen):
                fail(f"TextSource {source.get('guid')}: children out of the schema's order")
            for value in source.iter(QDE + "VariableValue"):
                children = [child.tag[len(QDE):] for child in value]
                if len(children) != 2 or children[0] != "VariableRef" or children[1] != variables.get(
                        value[0].get("targetGUID"), "") + "Value":
                    fail(f"TextSource {source.get('guid')}: a VariableValue {children} names no Variable of its type")
        selections = set()
        source_names = set()
        for source in root.iter(QDE + "TextSource"):
            # QualCoder saves a source as a file named by its name (it failed with "File name too long" on a
            # 266-character title): the name, with ".txt", must fit the 255 bytes a name may take, and be unique.
            name = source.get("name") or ""
            if len((name + ".txt").encode("utf-8")) > 255 or any(c in name for c in '/\\:*?"<>|'):
                fail(f"TextSource {source.get('guid')}: name {name[:40]!r}... is not a file name")
            if name.casefold() in source_names:
                fail(f"TextSource {source.get('guid')}: name {name[:40]!r} is another source's")
            source_names.add(name.casefold())
            plain = source.get("plainTextPath")
            if not plain.startswith("internal://"):
                fail(f"TextSource {source.get('guid')}: plainTextPath {plain}")
            text = z.read("sources/" + plain[len("internal://"):]).decode("utf-8")
            for selection in source.iter(QDE + "PlainTextSelection"):
                start, end = int(selection.get("startPosition")), int(selection.get("endPosition"))
                if not 0 <= start <= end <= len(text):
                    fail(f"selection {selection.get('guid')} is outside its source")
                creator = selection.get("creatingUser")
                if creator is not None and creator not in users:
                    fail(f"selection {selection.get('guid')}: creatingUser is no User")
                for ref in selection.iter(QDE + "CodeRef"):
                    if ref.get("targetGUID") not in codes:
                        fail(f"selection {selection.get('guid')}: CodeRef names no Code")
                selections.add(selection.get("guid"))
                checked += 1
        for link in root.iter(QDE + "Link"):
            if link.get("originGUID") not in selections or link.get("targetGUID") not in selections:
                fail(f"Link {link.get('guid')} joins no selections")
    return checked


CHECKS = {
    "brat": check_brat,
    "label-studio": check_label_studio,
    "doccano": check_doccano,
    "spacy": check_spacy,
    "conll": check_conll,
    "webanno": check_webanno,
    "qdpx": check_qdpx,
}

if __name__ == "__main__":
    if len(sys.argv) < 3 or sys.argv[1] not in CHECKS:
        fail(__doc__.strip().splitlines()[2])
    count = CHECKS[sys.argv[1]](*sys.argv[2:])
    print(f"{sys.argv[1]}: ok, {count} checked")
