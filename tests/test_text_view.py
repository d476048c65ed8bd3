"""The text view extractors match on (auditor/text/view.py): whitespace and handwriting marks out, offsets kept."""

import pytest

from auditor.text.view import text_view


@pytest.mark.parametrize(("text", "view"), [
    ("同日被\n刑事拘留", "同日被刑事拘留"),
    ("2016\n年 9 月 21 日", "2016年9月21日"),
    ("No. 12 34", "No.12 34"),  # a space between two ASCII letters or digits stays
    # regression (held-out ind_dn07): a transcription's handwriting mark between a label and its value
    ("值班律师签名：【手写】邝某（柳河县法律援助中心值班律师）", "值班律师签名：邝某（柳河县法律援助中心值班律师）"),
    ("送达时间：[手写]2024年2月26日", "送达时间：2024年2月26日"),
    ("12 （手写） 34", "12 34"),
    ("【印】", "【印】"),  # other bracketed remarks stay
])
def test_text_view(text: str, view: str) -> None:
    assert text_view(text).text == view


def test_text_view_maps_back_past_a_dropped_mark() -> None:
    text = "签名：【手写】邝某"
    v = text_view(text)
    start = v.text.index("邝某")
    assert text[slice(*v.to_orig(start, start + 2))] == "邝某"
