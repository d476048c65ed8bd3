"""Fictitious people, places and organs for synthetic dossiers, and GB 11643 ID numbers.

Everything here is invented: names are drawn from common characters, ID numbers are built from a
region code, a birth date and a random sequence, with a valid check digit so that consistency
checks see well-formed numbers.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN_MALE = "伟强磊军勇杰涛明超斌波辉刚平健峰鹏华飞鑫宇浩亮建国志文俊东林龙海春晨阳凯"
GIVEN_FEMALE = "芳娜敏静丽艳娟霞燕玲萍红梅莉婷雪琳倩颖洁慧琴云兰凤晶丹欣怡佳悦蓉"
ETHNICITIES = ["汉族"] * 8 + ["回族", "壮族", "苗族", "土家族"]
EDUCATION = ["小学文化", "初中文化", "初中文化", "高中文化", "中专文化", "大专文化"]
JOBS = ["无业", "务工", "个体经营", "农民", "司机", "公司职员"]
# A suspect aged 16 or 17: still at school or out of it, not yet past 高中.
MINOR_AGE = 17  # years before the case's year: 16 or 17 throughout it (刑法 17: liable for theft from 16)
MINOR_EDUCATION = ["初中文化", "初中文化", "高中文化"]
MINOR_JOBS = ["学生", "学生", "无业"]
STREETS = ["人民路", "建设路", "解放路", "胜利路", "青云路", "文昌路", "沿江路", "新华街", "长青路", "东风路"]
VILLAGES = ["金桥村", "石塘村", "柳溪村", "双港村", "桃源村", "龙湾村"]
# relation -> (is male, shares the suspect's surname)
RELATIONS = {"父亲": (True, True), "母亲": (False, False), "妻子": (False, False), "丈夫": (True, False),
             "哥哥": (True, True), "姐姐": (False, True)}


@dataclass(frozen=True)
class Place:
    """One county-level jurisdiction: its police organ, procuratorate and a region code for IDs."""

    province: str
    city: str
    district: str
    abbr: str  # one-character abbreviation used in 文号 (临公（刑）拘字…)
    region: str  # 6-digit administrative division code for ID numbers
    towns: tuple[str, ...]  # 派出所 / 街道 names

    @property
    def police(self) -> str:
        return f"{self.district}公安局"

    @property
    def procuratorate(self) -> str:
        return f"{self.city}{self.district}人民检察院"

    @property
    def upper_procuratorate(self) -> str:
        return f"{self.city}人民检察院"

    @property
    def court(self) -> str:
        return f"{self.city}{self.district}人民法院"

    @property
    def detention_center(self) -> str:
        return f"{self.city}{self.district}看守所"


PLACES: list[Place] = [
    Place("江西省", "抚州市", "临川区", "临", "361002", ("上顿渡", "荣山", "青云", "文昌")),
    Place("江西省", "南昌市", "青山湖区", "湖", "360111", ("湖坊", "塘山", "京东", "罗家")),
    Place("辽宁省", "大连市", "甘井子区", "甘", "210211", ("兴华街", "周水子", "泉水", "革镇堡")),
    Place("江西省", "宜春市", "袁州区", "袁", "360902", ("秀江", "湛郎", "下浦", "金园")),
    Place("江西省", "赣州市", "章贡区", "章", "360702", ("解放", "赣江", "南外", "水南")),
    Place("浙江省", "杭州市", "西湖区", "西", "330106", ("北山", "西溪", "灵隐", "翠苑")),
    Place("四川省", "成都市", "武侯区", "武", "510107", ("浆洗街", "簇桥", "火车南站", "玉林")),
    Place("湖南省", "长沙市", "雨花区", "雨", "430111", ("侯家塘", "左家塘", "圭塘", "洞井")),
    Place("云南省", "昆明市", "五华区", "五", "530102", ("华山", "护国", "大观", "龙翔")),
    Place("河南省", "郑州市", "金水区", "金", "410105", ("经八路", "花园路", "文化路", "丰产路")),
    Place("安徽省", "合肥市", "蜀山区", "蜀", "340104", ("三里庵", "琥珀", "南七", "稻香村")),
    Place("广西壮族自治区", "南宁市", "青秀区", "秀", "450103", ("新竹", "中山", "津头", "南湖")),
]

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"


def id_check_digit(first17: str) -> str:
    """GB 11643-1999 check character for the first 17 digits (ISO 7064 MOD 11-2)."""
    total = sum(int(c) * w for c, w in zip(first17, _ID_WEIGHTS, strict=True))
    return _ID_CHECK[total % 11]


def is_valid_id(number: str) -> bool:
    """True when `number` is 18 characters with a correct GB 11643 check character."""
    if len(number) != 18 or not number[:17].isdigit():
        return False
    return id_check_digit(number[:17]) == number[17].upper()


def make_id(rng: random.Random, region: str, birth: date, male: bool) -> str:
    """A well-formed ID number: region + birth date + sequence (odd for men) + check digit."""
    seq = rng.randrange(0, 100) * 10 + rng.choice((1, 3, 5, 7, 9) if male else (0, 2, 4, 6, 8))
    first17 = f"{region}{birth:%Y%m%d}{seq:03d}"
    return first17 + id_check_digit(first17)


@dataclass
class Person:
    name: str
    male: bool
    birth: date
    id_number: str
    ethnicity: str
    education: str
    job: str
    residence: str  # 户籍所在地
    address: str  # 现住

    @property
    def gender(self) -> str:
        return "男" if self.male else "女"


def make_name(rng: random.Random, male: bool, taken: set[str], surname: str | None = None) -> str:
    pool = GIVEN_MALE if male else GIVEN_FEMALE
    for _ in range(100):
        given = "".join(rng.choice(pool) for _ in range(rng.choice((1, 2, 2))))
        name = (surname or rng.choice(SURNAMES)) + given
        if not any(t and (name in t or t in name) for t in taken):
            taken.add(name)
            return name
    raise RuntimeError("name pool exhausted")  # unreachable with the pools above


def make_address(rng: random.Random, place: Place) -> str:
    if rng.random() < 0.3:
        return f"{place.province}{place.city}{place.district}{rng.choice(place.towns)}镇{rng.choice(VILLAGES)}{rng.randint(1, 80)}号"
    return (
        f"{place.province}{place.city}{place.district}{rng.choice(STREETS)}{rng.randint(1, 399)}号"
        f"{rng.randint(1, 12)}栋{rng.randint(1, 6)}0{rng.randint(1, 4)}室"
    )


def make_person(rng: random.Random, place: Place, year: int, taken: set[str], male: bool | None = None,
                minor: bool = False) -> Person:
    """A suspect aged 18–60 in `year` (16 or 17 when `minor`), living in `place`."""
    male = rng.random() < 0.8 if male is None else male
    age = MINOR_AGE if minor else rng.randint(19, 60)
    birth = date(year - age, rng.randint(1, 12), rng.randint(1, 28))
    home = rng.choice(PLACES) if rng.random() < 0.3 else place
    return Person(
        name=make_name(rng, male, taken),
        male=male,
        birth=birth,
        id_number=make_id(rng, home.region, birth, male),
        ethnicity=rng.choice(ETHNICITIES),
        education=rng.choice(MINOR_EDUCATION if minor else EDUCATION),
        job=rng.choice(MINOR_JOBS if minor else JOBS),
        residence=make_address(rng, home),
        address=make_address(rng, place),
    )


def make_relative(rng: random.Random, suspect: Person, taken: set[str], parent: bool = False) -> tuple[str, str]:
    """(relation, name) of the family member a 拘留通知书 / 逮捕通知书 is addressed to; a minor's parent (his
    法定代理人) when `parent`."""
    choices = [r for r in RELATIONS if not (r == "妻子" and not suspect.male) and not (r == "丈夫" and suspect.male)]
    if parent:
        choices = ["父亲", "母亲"]
    relation = rng.choice(choices)
    male, same_surname = RELATIONS[relation]
    return relation, make_name(rng, male, taken, suspect.name[0] if same_surname else None)
