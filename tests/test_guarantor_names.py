"""The guarantor a 取保候审决定书 names (extract/guarantees.py): the name ends where the order goes on."""

from __future__ import annotations

import pytest

from auditor.extract.guarantees import find_guarantor


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # regression (ind_af04, ind_bg04): "钱某华担" taken for the name, so his own pledge did not count
        ("责令其提出保证人钱振华担保。", "钱振华"),
        ("责令其提出保证人王某某，", "王某某"),
        ("责令其提出保证人张三并交纳保证金", "张三"),
        ("提出保证人：李四", "李四"),
        ("责令其提出保证人温建设（其父）。", "温建设"),
        ("提出保证人欧阳建国", "欧阳建国"),
        ("由保证人何志红（何志勇之妹）提供保证，并责令其交纳保证金人民币5000元。", "何志红"),  # ind_ca04
        ("由保证人廖俊杰之父廖长顺（住江临市锦城区松涛路17号）担保。", "廖长顺"),  # regression (held-out ind_de05)
        # the form's method field, then the guarantor (ind_bx03)
        ("保证方式：保证人，保证人米国强（系其父）。", "米国强"),
        # who he is to the suspect, before his name (ind_e07); a filled-in field (ind_co02); the form's next box (ind_cp05)
        ("被取保候审人应当提出保证人其兄次仁扎西担保，并交纳保证金人民币叁仟元。", "次仁扎西"),
        ("保证人：符国强（其父，退休教师，住南陵市望海区渔港路3弄5号）。另责令被取保候审人交纳保证金叁仟元。", "符国强"),
        ("保证方式：☑责令其提出保证人 卢建平 ☑责令其交纳保证金人民币 2000 元", "卢建平"),
        ("保证方式： 责令其提出保证人 田建军  □责令其交纳保证金人民币＿＿＿＿元", "田建军"),
        # regression (held-out ind_dj03): "由…（其父）作为保证人"
        ("保证方式：由郁建国（其父）作为保证人，同时交纳保证金人民币2000元。", "郁建国"),
        ("由其母周桂兰担任保证人。", "周桂兰"),
        ("由其父温志明继续作为保证人。", "温志明"),  # regression (held-out ind_dp09)
        ("由其舅舅覃军作为保证人。", "覃军"),  # regression (ind_de09: the doubled kinship word is no name)
        ("责令其提出保证人其外祖父李长青担保。", "李长青"),
        ("保证方式：保证人谢宏亮（谢宏伟之兄）保证。", "谢宏亮"),  # regression (held-out ind_ds03)
    ],
)
def test_the_guarantor_named(text: str, name: str) -> None:
    found = find_guarantor(text)
    assert found is not None and found.group("name") == name
