// IPTC NITF (News Industry Text Format, 3.x): the headline from body.head/hedline/hl1 (else head/title), the
// byline, the date from docdata's date.issue or date.release (else pubdata's date.publication), the story
// from body.content, the id from doc-id and the version from du-key.
import { htmlText } from "./html-text.ts";
import { attr, first, list, paragraphs, rawHtml, text, type XmlNode } from "./xml.ts";
import { blank, byline, dateField, single, str, titleFrom, versionOf, type ReadResult, type Warn } from "./fields.ts";

export function fromNitf(doc: XmlNode, key: string, warn: Warn): ReadResult {
  const nitf = first(doc.nitf) ?? {};
  const head = first(nitf.head) ?? {};
  const body = first(nitf.body) ?? {};
  const bodyHead = first(body.body_head) ?? {};
  const docdata = first(head.docdata) ?? {};
  const pubdata = first(head.pubdata);
  const paras = paragraphs(body.body_content);
  if (paras.length === 0) return single("no body text (body.content is empty)");
  const hedline = first(bodyHead.hedline);
  const title = text(hedline?.hl1) ?? text(head.title) ?? titleFrom(paras[0]);
  const docId = first(docdata["doc-id"]);
  const id = attr(docId, "id-string");
  const keywords = list(first(docdata["key-list"])?.keyword)
    .map((k) => attr(k, "key"))
    .filter((k): k is string => k !== null);
  const url = attr(pubdata, "ex-ref");
  return single({
    ...blank(key),
    title,
    date: dateField(warn, attr(first(docdata.date_issue), "norm"), attr(first(docdata.date_release), "norm"), attr(pubdata, "date.publication")),
    byline: bylineOf(bodyHead.byline),
    outlet: attr(pubdata, "name") ?? attr(first(docdata.doc_copyright), "holder") ?? text(bodyHead.distributor),
    url: url && /^https?:\/\//i.test(url) ? url : null,
    section: attr(first(first(head.tobject)?.tobject_subject), "tobject.subject.type"),
    tags: keywords,
    paragraphs: paras,
    identity: id ? { id: `${attr(docId, "regsrc") ?? ""}:${id}`, version: versionOf(attr(first(docdata["du-key"]), "version")) } : undefined,
  });
}

// "By <person>Jane Doe</person>, <byttl>Staff Writer</byttl>": the person, not their title.
function bylineOf(v: unknown): string | null {
  const raw = list(v)
    .map((b) => rawHtml(b))
    .join(", ")
    .replace(/<byttl\b[\s\S]*?<\/byttl>/gi, "");
  return byline(str(htmlText(raw).replace(/[,;\s]+$/, "")));
}
