"""Checks a Spanlight export the way a Python consumer reads it: every span's text is text[start:end].

Usage: python3 check_offsets.py EXPORT.jsonl [SPANS.csv]

The JSONL holds each document with its spans. The CSV holds spans only, so each CSV row is checked against
the text of its document in the JSONL (by doc_id) and against the same span in the JSONL. Prints
"jsonl spans: N" (and "csv spans: M"); exits 1 with the first mismatch.
"""
import csv
import json
import sys


def fail(message):
    print(message, file=sys.stderr)
    sys.exit(1)


def check_jsonl(path):
    documents = {}
    spans = {}
    with open(path, encoding="utf-8", newline="") as f:
        for number, line in enumerate(f, start=1):
            if not line.endswith("\n"):
                fail(f"{path}:{number}: the line does not end with LF")
            document = json.loads(line)
            if list(document) != ["id", "title", "text", "spans"]:
                fail(f"{path}:{number}: unexpected keys {list(document)}")
            text = document["text"]
            documents[document["id"]] = document
            for span in document["spans"]:
                if list(span) != ["id", "start", "end", "label", "text", "note"]:
                    fail(f"{path}:{number}: unexpected span keys {list(span)}")
                start, end = span["start"], span["end"]
                if not (0 <= start < end <= len(text)):
                    fail(f"{path}:{number}: span {span['id']} [{start}, {end}) is outside the text ({len(text)})")
                if text[start:end] != span["text"]:
                    fail(f"{path}:{number}: span {span['id']}: text[{start}:{end}] is {text[start:end]!r}, not {span['text']!r}")
                spans[span["id"]] = (document["id"], span)
    return documents, spans


def check_csv(path, documents, spans):
    count = 0
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.reader(f, strict=True)
        header = next(reader)
        if header != ["doc_id", "title", "span_id", "start", "end", "label", "text", "note"]:
            fail(f"{path}: unexpected header {header}")
        for row in reader:
            doc_id, title, span_id, start, end, label, text, note = row
            start, end = int(start), int(end)
            document = documents[doc_id]
            if document["text"][start:end] != text:
                fail(f"{path}: span {span_id}: text[{start}:{end}] is {document['text'][start:end]!r}, not {text!r}")
            if title != document["title"]:
                fail(f"{path}: span {span_id}: title {title!r} is not {document['title']!r}")
            owner, span = spans[span_id]
            expected = {"start": start, "end": end, "label": label, "text": text, "note": note}
            if owner != doc_id or {k: span[k] for k in expected} != expected:
                fail(f"{path}: span {span_id} differs from the JSONL: {row}")
            count += 1
    if count != len(spans):
        fail(f"{path}: {count} rows for {len(spans)} spans in the JSONL")
    return count


def main(argv):
    if len(argv) not in (2, 3):
        fail(__doc__.strip().splitlines()[2])
    documents, spans = check_jsonl(argv[1])
    print(f"jsonl spans: {len(spans)}")
    if len(argv) == 3:
        print(f"csv spans: {check_csv(argv[2], documents, spans)}")


if __name__ == "__main__":
    main(sys.argv)
