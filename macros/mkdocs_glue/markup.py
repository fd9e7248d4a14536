"""Material 9.8's page markup, made valid HTML (the Nu Html Checker's complaints about its templates).

- ``autocomplete="off"`` on the drawer and search checkboxes: the attribute is not allowed on a checkbox.
  Material sets it so that Firefox does not restore an open drawer on "back"; search-vi.js closes both
  toggles when a page is shown from the back-forward cache instead.
- ``tabindex=""`` on the labels of navigation sections: an empty tabindex is not a number.

Both sit before the page's content (header, tabs, navigation sidebar), so only that head of the page
is read: the step costs nothing measurable on a 5,000-page build.
"""

from __future__ import annotations

import re

_CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input class="md-toggle"[^>]*type="checkbox"[^>]*?) autocomplete="off"')
_EMPTY_TABINDEX = re.compile(r'(<label class="md-nav__link[^>]*?) tabindex=""')


def valid_markup(html: str) -> str:
    end = html.find('<div class="md-content"')
    head, rest = (html, "") if end < 0 else (html[:end], html[end:])
    head = _CHECKBOX_AUTOCOMPLETE.sub(r"\1", head)
    head = _EMPTY_TABINDEX.sub(r"\1", head)
    return head + rest
