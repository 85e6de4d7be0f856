"""Checks a Spanlight export the way a Python consumer reads it: every span's text is text[start:end].

Usage: python3 check_offsets.py FORMAT EXPORT [CANONICAL.jsonl]

FORMAT is one of jsonl, csv, conll, brat, label-studio, doccano, spacy, webanno, qdpx. EXPORT is the file
(for brat: the folder, or the .zip the browser downloads). Each format carries the document text, so every
span (or token) is checked against it: text[start:end] in Python code points. When CANONICAL.jsonl (the
JSONL export of the same project and filter) is given, each span found is also looked up there by document
and offsets and must have the same label (brat and CoNLL write white space in names as _).

Prints "FORMAT spans: N" (tokens for conll); exits 1 with the first mismatch.
"""
import csv
import io
import json
import os
import sys
import xml.etree.ElementTree as ET
import zipfile

csv.field_size_limit(sys.maxsize)


def fail(message):
    print(message, file=sys.stderr)
    sys.exit(1)


def check_span(where, text, start, end, expected):
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
        fail(f"{where}: [{start}, {end}) is outside the text ({len(text)} code points)")
    if text[start:end] != expected:
        fail(f"{where}: text[{start}:{end}] is {text[start:end]!r}, not {expected!r}")


def trimmed(text, start, end, characters):
    """[start, end) without the given characters at its edges."""
    while start < end and text[start] in characters:
        start += 1
    while end > start and text[end - 1] in characters:
        end -= 1
    return start, end


class Canonical:
    """Spans of the canonical export, by document id and (start, end)."""

    def __init__(self, path):
        self.spans = {}
        self.texts = {}
        if path is None:
            return
        for line in open(path, encoding="utf-8", newline=""):
            doc = json.loads(line)
            self.texts[doc["id"]] = doc["text"]
            for span in doc["spans"]:
                self.spans.setdefault((doc["id"], span["start"], span["end"]), []).append(span)

    def expect(self, where, doc_id, start, end, label, by_text=None, trim=None):
        """trim: characters the format drops from a span's edges (the span is looked up with them dropped)."""
        if not self.texts:
            return
        if doc_id is None:
            doc_id = next((i for i, t in self.texts.items() if t == by_text), None)
        found = self.spans.get((doc_id, start, end), [])
        if trim is not None:
            found = [s for key, spans in self.spans.items() if key[0] == doc_id for s in spans
                     if trimmed(self.texts[doc_id], s["start"], s["end"], trim) == (start, end)]
        if not any(s["label"].replace(" ", "_") == label.replace(" ", "_") for s in found):
            fail(f"{where}: no span [{start}, {end}) labelled {label!r} in the canonical export of document {doc_id}")


def check_jsonl(path, canonical):
    count = 0
    with open(path, encoding="utf-8", newline="") as f:
        for number, line in enumerate(f, start=1):
            if not line.endswith("\n"):
                fail(f"{path}:{number}: the line does not end with LF")
            doc = json.loads(line)
            if list(doc) != ["schema", "id", "title", "status", "text", "meta", "spans", "relations"]:
                fail(f"{path}:{number}: unexpected keys {list(doc)}")
            if doc["schema"] != "spanlight-jsonl/2":
                fail(f"{path}:{number}: schema {doc['schema']!r}")
            # The document's provenance: its known keys first, in this order (then any extra keys).
            provenance = ["file_name", "outlet", "published", "url", "language", "external_id"]
            if list(doc["meta"])[:len(provenance)] != provenance:
                fail(f"{path}:{number}: unexpected meta keys {list(doc['meta'])}")
            ids = set()
            for span in doc["spans"]:
                keys = ["id", "start", "end", "label", "text", "note", "attributes", "annotator"]
                if list(span) != keys:
                    fail(f"{path}:{number}: unexpected span keys {list(span)}")
                check_span(f"{path}:{number}: span {span['id']}", doc["text"], span["start"], span["end"], span["text"])
                ids.add(span["id"])
                count += 1
            for relation in doc["relations"]:
                if relation["from"] not in ids or relation["to"] not in ids:
                    fail(f"{path}:{number}: link {relation['id']} joins spans that are not in the document")
    return count


def check_csv(path, canonical):
    """A document's text is on its first row only; its next rows (consecutive) are checked against it."""
    count = 0
    text = doc_id = None
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.reader(f, strict=True)
        header = next(reader)
        expected = ["doc_id", "title", "span_id", "start", "end", "label", "text", "note", "annotator", "status", "attributes",
                    "file_name", "outlet", "published", "url", "language", "external_id", "meta_extra", "document_text"]
        if header != expected:
            fail(f"{path}: unexpected header {header}")
        seen = set()
        for row in reader:
            record = dict(zip(header, row))
            start, end = int(record["start"]), int(record["end"])
            where = f"{path}: span {record['span_id']}"
            if record["doc_id"] != doc_id:
                if record["doc_id"] in seen:
                    fail(f"{where}: the rows of document {record['doc_id']} are not consecutive")
                if record["document_text"] == "":
                    fail(f"{where}: the first row of document {record['doc_id']} has no document_text")
                doc_id, text = record["doc_id"], record["document_text"]
                seen.add(doc_id)
            elif record["document_text"] != "":
                fail(f"{where}: document_text on a row that is not its document's first")
            check_span(where, text, start, end, record["text"])
            json.loads(record["attributes"])
            canonical.expect(where, record["doc_id"], start, end, record["label"])
            count += 1
    return count


def check_conll(path, canonical):
    count = 0
    text = doc_id = None
    labels = []
    previous = {}
    with open(path, encoding="utf-8", newline="") as f:
        for number, line in enumerate(f, start=1):
            line = line.rstrip("\n")
            where = f"{path}:{number}"
            if line.startswith("# columns = "):
                labels = line[len("# columns = "):].split(" ")[3:]
            elif line.startswith("# doc_id = "):
                doc_id = line[len("# doc_id = "):]
            elif line.startswith("# meta = "):
                json.loads(line[len("# meta = "):])
            elif line.startswith("# text = "):
                text = json.loads(line[len("# text = "):])
                previous = {}
            elif line == "":
                previous = {}
            else:
                fields = line.split("\t")
                if len(fields) != 3 + len(labels):
                    fail(f"{where}: {len(fields)} columns, expected {3 + len(labels)}")
                token, start, end = fields[0], int(fields[1]), int(fields[2])
                check_span(where, text, start, end, token)
                for label, tag in zip(labels, fields[3:]):
                    if tag != "O" and tag not in (f"B-{label}", f"I-{label}"):
                        fail(f"{where}: tag {tag!r} in the {label} column")
                    if tag.startswith("I-") and previous.get(label, "O") == "O":
                        fail(f"{where}: {tag} does not continue a span")
                    previous[label] = tag
                count += 1
    return count


def brat_files(path):
    """(name, text, ann) for each document of a brat folder or zip; texts read exactly (no newline translation)."""
    if os.path.isdir(path):
        names = sorted(n[:-4] for n in os.listdir(path) if n.endswith(".ann"))
        for name in names:
            with open(os.path.join(path, name + ".txt"), encoding="utf-8", newline="") as t:
                text = t.read()
            with open(os.path.join(path, name + ".ann"), encoding="utf-8", newline="") as a:
                yield name, text, a.read()
    else:
        with zipfile.ZipFile(path) as z:
            for name in sorted(n[:-4] for n in z.namelist() if n.endswith(".ann")):
                yield name, z.read(name + ".txt").decode("utf-8"), z.read(name + ".ann").decode("utf-8")


BRAT_LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"


def check_brat(path, canonical):
    """brat's own text check: the line's text is the fragments' texts joined by one space, exactly, and no
    fragment holds a line break (brat splits the .ann with str.splitlines). An exported span loses only its
    edge line breaks (the export warns), so it is looked up in the canonical export with them trimmed."""
    count = 0
    for name, text, ann in brat_files(path):
        lines = ann.splitlines()
        if lines != ann.split("\n")[:-1]:
            fail(f"{name}.ann: a line breaks where str.splitlines breaks but LF does not")
        for number, line in enumerate(lines, start=1):
            if not line.startswith("T"):
                continue
            where = f"{name}.ann:{number}"
            tid, middle, quoted = line.split("\t", 2)
            label, offsets = middle.split(" ", 1)
            fragments = [tuple(int(x) for x in f.split(" ")) for f in offsets.split(";")]
            for start, end in fragments:
                check_span(where, text, start, end, text[start:end])
                if any(c in BRAT_LINE_BREAKS for c in text[start:end]):
                    fail(f"{where}: fragment [{start}, {end}) holds a line break")
            joined = " ".join(text[s:e] for s, e in fragments)
            if joined != quoted:
                fail(f"{where}: the fragments read {joined!r}, the line says {quoted!r}")
            canonical.expect(where, None, fragments[0][0], fragments[-1][1], label, by_text=text, trim=BRAT_LINE_BREAKS)
            count += 1
    return count


def check_label_studio(path, canonical):
    count = 0
    with open(path, encoding="utf-8") as f:
        tasks = json.load(f)
    for t, task in enumerate(tasks):
        text = task["data"]["text"]
        for annotation in task["annotations"]:
            for result in annotation["result"]:
                if result["type"] != "labels":
                    continue
                value = result["value"]
                where = f"{path}: task {t}, region {result['id']}"
                check_span(where, text, value["start"], value["end"], value["text"])
                canonical.expect(where, task["data"].get("spanlight_id"), value["start"], value["end"], value["labels"][0])
                count += 1
    return count


def check_doccano(path, canonical):
    count = 0
    with open(path, encoding="utf-8", newline="") as f:
        for number, line in enumerate(f, start=1):
            doc = json.loads(line)
            for start, end, label in doc["label"]:
                where = f"{path}:{number}"
                check_span(where, doc["text"], start, end, doc["text"][start:end])
                canonical.expect(where, doc.get("id"), start, end, label)
                count += 1
    return count


def check_spacy(path, canonical):
    count = 0
    with open(path, encoding="utf-8", newline="") as f:
        for number, line in enumerate(f, start=1):
            doc = json.loads(line)
            text, tokens = doc["text"], doc["tokens"]
            where = f"{path}:{number}"
            for i, token in enumerate(tokens):
                check_span(f"{where}: token {i}", text, token["start"], token["end"], token["text"])
            # spaCy's Doc(words, spaces) is the words, each followed by one space where its ws says so.
            rebuilt = "".join(t["text"] + (" " if t["ws"] else "") for t in tokens)
            if rebuilt != text:
                fail(f"{where}: Doc(words, spaces) reads {rebuilt!r}, not the text")
            for span in doc["spans"]:
                check_span(where, text, span["start"], span["end"], span["text"])
                if "token_start" in span:
                    if tokens[span["token_start"]]["start"] != span["start"] or tokens[span["token_end"]]["end"] != span["end"]:
                        fail(f"{where}: span [{span['start']}, {span['end']}) does not match its tokens")
                canonical.expect(where, doc["meta"]["id"], span["start"], span["end"], span["label"])
                count += 1
    return count


def check_webanno(path, canonical):
    count = 0
    with open(path, encoding="utf-8") as f:
        graph = json.load(f)["@graph"]
    texts = {node["id"]: node["value"] for node in graph if node["type"] == "Text"}
    for node in graph:
        if node["type"] != "Annotation" or node["motivation"] != "tagging":
            continue
        target = node["target"]
        text = texts[target["source"]]
        position = next(s for s in target["selector"] if s["type"] == "TextPositionSelector")
        quote = next(s for s in target["selector"] if s["type"] == "TextQuoteSelector")
        start, end = position["start"], position["end"]
        where = f"{path}: {node['id']}"
        check_span(where, text, start, end, quote["exact"])
        if text[max(0, start - len(quote["prefix"])):start] != quote["prefix"] or text[end:end + len(quote["suffix"])] != quote["suffix"]:
            fail(f"{where}: prefix or suffix does not surround the quote")
        label = next(b["value"] for b in node["body"] if b["purpose"] == "tagging")
        doc_id = target["source"].split(":", 3)[3]
        from urllib.parse import unquote
        canonical.expect(where, unquote(doc_id), start, end, label)
        count += 1
    return count


def check_qdpx(path, canonical):
    count = 0
    ns = {"q": "urn:QDA-XML:project:1.0"}
    with zipfile.ZipFile(path) as z:
        root = ET.fromstring(z.read("project.qde"))
        codes = {c.get("guid"): c.get("name") for c in root.iter("{urn:QDA-XML:project:1.0}Code")}
        for source in root.iterfind("q:Sources/q:TextSource", ns):
            # The standard's folder is "sources", in lower case; zip names are case-sensitive.
            member = "sources/" + source.get("plainTextPath")[len("internal://"):]
            text = z.read(member).decode("utf-8")
            for selection in source.iterfind("q:PlainTextSelection", ns):
                start, end = int(selection.get("startPosition")), int(selection.get("endPosition"))
                where = f"{path}: selection {selection.get('guid')}"
                check_span(where, text, start, end, text[start:end])
                if not text[start:end].startswith(selection.get("name")):
                    fail(f"{where}: its name {selection.get('name')!r} is not the start of {text[start:end]!r}")
                code = codes[selection.find("q:Coding/q:CodeRef", ns).get("targetGUID")]
                canonical.expect(where, None, start, end, code, by_text=text)
                count += 1
    return count


CHECKS = {
    "jsonl": check_jsonl,
    "csv": check_csv,
    "conll": check_conll,
    "brat": check_brat,
    "label-studio": check_label_studio,
    "doccano": check_doccano,
    "spacy": check_spacy,
    "webanno": check_webanno,
    "qdpx": check_qdpx,
}


def main(argv):
    if len(argv) not in (3, 4) or argv[1] not in CHECKS:
        fail(__doc__.strip().splitlines()[2])
    canonical = Canonical(argv[3] if len(argv) == 4 else None)
    count = CHECKS[argv[1]](argv[2], canonical)
    print(f"{argv[1]} {'tokens' if argv[1] == 'conll' else 'spans'}: {count}")


if __name__ == "__main__":
    main(sys.argv)
