"""A sanitizer for JupyterLab's "Save and Export Notebook As → HTML" with "Sanitize HTML output" ticked.

nbconvert's own `clean_html` filter (7.17) allows only bleach's inline tags, so headings, paragraphs,
tables and images of every markdown cell come out as escaped raw tags. This one allows what a course
page needs and what JupyterLab itself shows (headings, paragraphs, lists, tables, <details>, images as
data:image URIs, inline CSS through bleach's CSS sanitizer) and still removes scripts, event-handler
attributes, <iframe>/<object>/<form>, and any javascript: or data: link.
"""
import bleach
from bleach.css_sanitizer import CSSSanitizer

TAGS = set(bleach.ALLOWED_TAGS) | {
    "h1", "h2", "h3", "h4", "h5", "h6", "p", "br", "hr", "div", "span", "pre", "code", "kbd", "samp",
    "sub", "sup", "del", "s", "ins", "mark", "small", "dl", "dt", "dd", "figure", "figcaption",
    "table", "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "th", "td",
    "img", "details", "summary", "input",
}
GLOBAL_ATTRIBUTES = {"class", "id", "title", "style", "align", "role", "aria-label", "lang", "dir"}
ATTRIBUTES = {
    "a": {"href", "rel", "target"},
    "img": {"src", "alt", "width", "height"},
    "th": {"colspan", "rowspan", "scope"}, "td": {"colspan", "rowspan"},
    "col": {"span"}, "colgroup": {"span"}, "ol": {"start", "type"},
    "details": {"open"}, "input": {"type", "checked", "disabled"},
}
IMAGE_DATA = ("data:image/png;", "data:image/jpeg;", "data:image/gif;", "data:image/webp;")


def _allowed(tag, name, value):
    if name in GLOBAL_ATTRIBUTES or name in ATTRIBUTES.get(tag, ()):
        if tag == "input" and name == "type":
            return value == "checkbox"  # markdown task lists only
        return True
    return False


def clean_html(element):
    """The `clean_html` Jinja filter of nbconvert, with a course page's tags allowed (see module doc)."""
    text = element.decode() if isinstance(element, bytes) else str(element)
    # data: is allowed only for an <img> holding a raster image: bleach checks every URI attribute
    # against `protocols`, so data: URIs elsewhere are removed by the pass that disallows them below.
    cleaned = bleach.clean(text, tags=TAGS, attributes=_allowed, protocols={"http", "https", "mailto", "data"},
                           css_sanitizer=CSSSanitizer(), strip_comments=True)
    return _no_foreign_data(cleaned)


def _no_foreign_data(html):
    """Second pass: keep data: URIs only as <img src="data:image/...">."""
    def allowed(tag, name, value):
        if name in ("href", "src") and value.strip().lower().startswith("data:"):
            return tag == "img" and name == "src" and value.strip().lower().startswith(IMAGE_DATA)
        return _allowed(tag, name, value)
    return bleach.clean(html, tags=TAGS, attributes=allowed, protocols={"http", "https", "mailto", "data"},
                        css_sanitizer=CSSSanitizer(), strip_comments=True)
