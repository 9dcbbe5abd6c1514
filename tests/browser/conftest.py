"""The one Debian-chromium fixture every browser test uses (defined in ``test_axe``)."""

from tests.browser.test_axe import browser  # noqa: F401
