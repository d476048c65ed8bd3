"""Procedural events from narrative text and from a document's own act; merging across documents."""

from __future__ import annotations

import re

import pytest
from casebuild import day
from conftest import SHARED, iso, requires_shared

from auditor.extract.case import build_case
from auditor.extract.events import action_names, find_events, own_act
from auditor.lexicon import load_yaml
from auditor.model import Case, Document, Dossier, Page


def _doc(text: str, doc_type: str = "未知文书", date: str | None = None, organ: str | None = None, title: str = "") -> Document:
    return Document(id="d1", type=doc_type, title=title, start=0, end=len(text), text=text, date=day(date), organ=organ)


def _triples(text: str, persons: list[str], **kw: str | None) -> set[tuple[str, str | None, str | None]]:
    return {(e.action, iso(e.date), e.person) for e in find_events(_doc(text, **kw), persons)}


QSYJS = (
    "犯罪嫌疑人黄佳男、戴宝生因涉嫌贩卖毒品罪于2015年10月15日被我局刑事拘留，"
    "同年11月20曰经大连市甘井子区人民检察院批准被执行逮捕，现羁押于大连市公安局看守所。"
)

CASES = [
    # regression (ind_cv02): a name in an aside of the next suspect's description is not the subject of "该犯罪嫌疑人"
    ("a name in an aside of a description", "犯罪嫌疑人高某军，男，1984年11月9日出生。\n该犯罪嫌疑人于2021年7月4日被我局刑事拘留。\n"
     "犯罪嫌疑人冉某，男，1998年3月27日出生，现住南湖区夜市街17号（随高某军居住）。\n该犯罪嫌疑人于2021年7月5日被我局刑事拘留。",
     ["高某军", "冉某"], {("刑事拘留", "2021-07-04", "高某军"), ("刑事拘留", "2021-07-05", "冉某")}),
    # regression (ind_cq01): a list of persons, each in his paragraph; "同日" with an act the document dated before
    ("同日 in the next person's paragraph", "周某涛，男。因涉嫌盗窃罪于2023年3月8日被刑事拘留，同年4月6日经批准，次日被执行逮捕。\n"
     "韩某伟，男。因涉嫌盗窃罪于同日被刑事拘留，于同年4月8日被执行逮捕。", ["周某涛", "韩某伟"],
     {("刑事拘留", "2023-03-08", "周某涛"), ("逮捕", "2023-04-07", "周某涛"),
      ("刑事拘留", "2023-03-08", "韩某伟"), ("逮捕", "2023-04-08", "韩某伟")}),
    ("同日 in one sentence is the day last written", "甲某于2023年3月8日被刑事拘留。乙某于2023年3月10日被传唤，同日被刑事拘留。",
     ["甲某", "乙某"], {("刑事拘留", "2023-03-08", "甲某"), ("传唤", "2023-03-10", "乙某"), ("刑事拘留", "2023-03-10", "乙某")}),
    # regressions (real round ax, indictments read out in court): a 退补 worded without its last word; a 报案 that
    # names a paper in a list of evidence
    ("退回侦查机关补充", "本院于2021年1月15日第一次退回侦查机关补充，侦查机关于2021年2月8日补查重报。", ["项某"],
     {("退回补充侦查", "2021-01-15", "项某"), ("重新移送审查起诉", "2021-02-08", "项某")}),
    ("报案经过 is a paper", "2024年3月7日上午9:00，宛某主动至派出所接受调查，认定上述事实的证据如下，一、微信交易明细、报案经过等书证。",
     ["宛某"], set()),
    # regression (corpus au, ind_au06): the stages of the case are those of the defendants the 起诉书 names by role,
    # not of a suspect told of in the facts (the car's owner, whose investigation was ended)
    ("case stages of the defendants", "被告人赵鹏，男。被告人钱勇，男。本案由河阳县公安局侦查终结，以被告人赵鹏涉嫌交通肇事罪、被告人钱勇涉嫌"
     "包庇罪，于2021年1月20日向本院移送审查起诉。其间，本院于2021年2月19日退回侦查机关补充侦查。经依法审查查明：赵鹏驾驶孙桂兰所有的"
     "货车肇事后逃逸。", ["赵鹏", "钱勇", "孙桂兰"],
     {("移送审查起诉", "2021-01-20", "赵鹏"), ("移送审查起诉", "2021-01-20", "钱勇"), ("退回补充侦查", "2021-02-19", "赵鹏"),
      ("退回补充侦查", "2021-02-19", "钱勇")}),
    # regression (corpus ba, ind_ba07): a 送达回证's column "与案件关系" describes the police as "移送审查起诉的公安机关"
    ("the transferring police", "受送达人  与案件关系  送达时间  收件人签名\n彭浩然（法定代理人彭丽华）  被不起诉人  二〇一三年十月二十五日  "
     "彭浩然 彭丽华\n青林市公安局北塘分局  移送审查起诉的公安机关  二〇一三年十月二十八日  魏斌", ["彭浩然"], set()),
    # regression (corpus ay, ind_ay04): each date of a 分别 list names its persons in a bracket
    ("dates with their persons", "经我局负责人批准，已分别于2020年11月23日（伍海、陶金凤）、11月24日（马国强）、11月28日（马国庆）延长拘留期限。",
     ["马国庆", "马国强", "陶金凤", "伍海"],
     {("延长拘留期限", "2020-11-23", "伍海"), ("延长拘留期限", "2020-11-23", "陶金凤"), ("延长拘留期限", "2020-11-24", "马国强"),
      ("延长拘留期限", "2020-11-28", "马国庆")}),
    # --- single and multiple suspects ---------------------------------------------------------
    # regression (corpus ab, ind_ab07): a decision named by its 文号 is a reference, not an act on the request's date
    ("act named by its 文号", "你局于2023年12月28日对本院石检刑不诉〔2023〕42号不起诉决定提出的要求复议意见书收悉。", ["贺子平"], set()),
    # regression (corpus ab, ind_ab04): a register's cells are fields, each its own clause: the 收案日期 of one row does
    # not date the measure another row states ("│强制措施│陆振宇逮捕…│")
    ("table cells", "受理案件登记表\n│收案日期│2023年7月20日│\n│犯罪嫌疑人│陆振宇、宁晓彤│\n│强制措施│陆振宇逮捕；宁晓彤取保候审│",
     ["陆振宇", "宁晓彤"], set()),
    ("a cell's own dated sentence", "│羁押情况│陆振宇于2023年4月25日被逮捕│", ["陆振宇"], {("逮捕", "2023-04-25", "陆振宇")}),
    # regressions (corpus aj): a 起诉意见书's custody table, its cells apart by spaces. The heads name acts and date
    # nothing (ind_aj01); a row's act is that row's person's, dated in its own cell (ind_aj03, ind_aj04); a head glued
    # to the first row by the PDF (ind_aj04); rows "姓名：…" under a head "姓名：强制措施" (ind_aj06)
    ("custody table heads", "犯罪嫌疑人羁押及强制措施情况一览：\n姓名 刑事拘留 逮捕 延长侦查羁押期限 羁押处所\n"
     "罗建华 2021年9月2日 2021年10月4日 经批准延长一个月 桂南市第二看守所\n综上所述，", ["罗建华"], set()),
    ("custody table rows", "姓名  强制措施  日期\n严国强  刑事拘留／逮捕／取保候审  2020年6月15日／2020年7月16日／2020年10月10日\n"
     "柯美玲  取保候审  2020年6月16日\n严晓婷  取保候审  2020年6月16日\n综上所述，", ["严国强", "柯美玲", "严晓婷"],
     {("取保候审", "2020-06-16", "柯美玲"), ("取保候审", "2020-06-16", "严晓婷")}),
    ("custody table glued head", "姓名 拘留 逮捕 其他强制措施／延长龙海波 2020年11月2日 2020年12月3日 延长侦查羁押期限两次\n"
     "，至2021年5月2日\n综上所述，", ["龙海波"], set()),
    ("custody table colon rows", "姓名：强制措施\n杜文秀：2020年10月29日不批准逮捕，同日取保候审\n曾勇：2020年10月22日监视居住\n",
     ["杜文秀", "曾勇"], {("不批准逮捕", "2020-10-29", "杜文秀"), ("取保候审", "2020-10-29", "杜文秀"),
                         ("监视居住", "2020-10-22", "曾勇")}),
    ("single", "犯罪嫌疑人张三因涉嫌盗窃罪于2020年3月1日被临川区公安局刑事拘留。", ["张三"],
     {("刑事拘留", "2020-03-01", "张三")}),
    ("two suspects share a clause, OCR 曰", QSYJS, ["黄佳男", "戴宝生"],
     {("刑事拘留", "2015-10-15", "黄佳男"), ("刑事拘留", "2015-10-15", "戴宝生"),
      ("逮捕", "2015-11-20", "黄佳男"), ("逮捕", "2015-11-20", "戴宝生")}),
    ("two suspects, own sentences", "被告人甲某某于2020年1月1日被刑事拘留；被告人乙某某于2020年1月2日被取保候审。",
     ["甲某某", "乙某某"], {("刑事拘留", "2020-01-01", "甲某某"), ("取保候审", "2020-01-02", "乙某某")}),
    ("其 → subject of the paragraph", "犯罪嫌疑人张三，男，1980年1月1日出生。2020年1月1日我局对其刑事拘留。", ["张三"],
     {("刑事拘留", "2020-01-01", "张三")}),
    # regression (ind_j01): "补充侦查完毕重新移送" ends a 退补, not the investigation
    ("补充侦查完毕 is no 侦查终结", "张三涉嫌盗窃一案，于2014年2月19日补充侦查完毕重新移送本院。", ["张三"],
     {("重新移送审查起诉", "2014-02-19", "张三")}),
    # regression (real round m): the date's clause names the deciding organ, the act follows in its own clause
    ("date clause with its organ", "被告人陈某甲于2014年6月10日被依法逮捕，同年8月4日经云和县人民检察院决定，被变更强制措施为取保候审。",
     ["陈某甲"], {("逮捕", "2014-06-10", "陈某甲"), ("变更强制措施", "2014-08-04", "陈某甲"),
                  ("取保候审", "2014-08-04", "陈某甲")}),
    # regression (real round m): an 起诉书's "补查重报" is the re-transfer after a 退补
    ("补查重报", "本院于2019年11月28日第一次退回侦查机关补充侦查，侦查机关于2019年12月26日补查重报。", ["朱某某"],
     {("退回补充侦查", "2019-11-28", "朱某某"), ("重新移送审查起诉", "2019-12-26", "朱某某")}),
    # regression (real round m): half-width stops end a sentence ("…被执行逮捕. 本案由…侦查终结,…") but not a decimal
    ("half-width stop", "被告人查某甲因本案于2020年1月4日被某分局刑事拘留,同年2月7日经本院批准被执行逮捕. 本案由某分局侦查终结,"
     "以被告人查某甲涉嫌盗窃罪,于2020年3月20日向本院移送审查起诉.", ["查某甲"],
     {("刑事拘留", "2020-01-04", "查某甲"), ("逮捕", "2020-02-07", "查某甲"), ("移送审查起诉", "2020-03-20", "查某甲")}),
    # regression (ind_l10): a form's reason "需退回补充侦查" is a need, not an act (its date is another field's)
    ("需退回补充侦查 is no act", "受理日期 2024年6月3日\n理由 冯建部分需退回补充侦查，案情复杂", ["冯建"], set()),
    # regressions (real round s): a date clause giving the reason; a 追加起诉
    ("date clause with its reason", "被告人黄某某,男,1995年11月12日出生. 2019年8月2日因涉嫌盗窃罪,被遵义市公安局红花岗分局刑事拘留,"
     "于2019年8月17日被依法执行逮捕.", ["黄某某"], {("刑事拘留", "2019-08-02", "黄某某"), ("逮捕", "2019-08-17", "黄某某")}),
    ("提起追加起诉", "以宁鼓检诉刑追诉（2017）5号追加起诉决定书增加事实的指控，于2017年7月5日向本院提起追加起诉。", ["刘某"],
     {("提起公诉", "2017-07-05", "刘某")}),
    # regression (corpus q): an act's abbreviation inside a 文号 is no act
    ("不批捕〔2024〕 in a 文号", "你院于2024年4月26日作出南青检刑不批捕〔2024〕12号不批准逮捕决定书，本局认为该决定有错误。", ["覃某"],
     set()),
    # regression (ind_v01): a summons naming a long charge of several parts before its suspect
    ("兹传唤涉嫌…罪的犯罪嫌疑人某", "兹传唤涉嫌掩饰、隐瞒犯罪所得、犯罪所得收益罪的犯罪嫌疑人邓某于2021年3月15日9时到执法办案中心接受讯问。",
     ["黄某", "邓某"], {("传唤", "2021-03-15", "邓某")}),
    # regressions (real round x): a detention order posted online is no detention; an act in a bracket after an
    # accomplice at large is his; another group's prosecution; the organ opening the date's clause
    ("刑拘上网", "另查明，2012年3月21日，被告人潘某某被合江县公安局刑拘上网，2012年6月29日，被告人潘某某到派出所投案。",
     ["潘某某"], set()),
    ("伙同王某（批捕在逃）", "2012年12月1日，被告人王某某、晁某某利用看井之便利，伙同王某（批捕在逃）盗窃原油。", ["王某某", "晁某某"],
     set()),
    # regression (ind_t08): an accomplice's bail told in a bracket after his name (broken by a line) is his, not the
    # suspect's, and the crime's date is no bail date
    ("伙同牛保国（已取保候审）", "2012年11月3日21时许，犯罪嫌疑人马振东在饭店门口因停车纠纷，伙同牛\n保国（已取保候审），持钢管殴打被害人头部。",
     ["马振东"], set()),
    ("对徐某等人提起公诉", "被告人张某到案后，如实供述了上述犯罪事实。2016年9月9日，浙江省宁波市人民检察院对徐某等人以组织、领导"
     "黑社会性质组织罪向宁波市中级人民法院提起公诉。", ["张某"], set()),
    ("检察院于…以…起诉书指控…，向本院提起公诉", "江门市蓬江区人民检察院于2013年12月14日以江蓬检诉刑诉（2013）960号起诉书指控"
     "被告人吴某庭犯盗窃罪，向本院提起公诉。", ["吴某庭"], {("提起公诉", "2013-12-14", "吴某庭")}),
    # regressions (real round z): an arrest a court decides and the police carry out later is dated by its execution;
    # a prior story opened by "曾因涉嫌" keeps its measures
    ("决定逮捕，同月…执行", "被告人刘某飞,男. 2019年4月10日被取保候审,同年7月16日经本院决定逮捕,同月19日被执行逮捕. 现羁押于看守所.",
     ["刘某飞"], {("取保候审", "2019-04-10", "刘某飞"), ("逮捕", "2019-07-19", "刘某飞")}),
    ("决定逮捕，…由…执行", "被告人唐某，男。于2020年9月14日被本院决定逮捕，同年9月16日由宜昌市公安局伍家岗区分局执行。", ["唐某"],
     {("逮捕", "2020-09-16", "唐某")}),
    ("曾因涉嫌…被刑事拘留", "曾因盗窃，于2010年10月30日被行政拘留十五日；曾因涉嫌盗窃，于2010年11月5日被郑州市公安局金水分局刑事拘留，"
     "同年11月12日被取保候审；曾因犯盗窃罪，于2012年7月18日被判处有期徒刑四年。", ["史某平"], set()),
    # regression (ind_w10): the sentence after "本案…移送" goes on with the case's time and names nobody
    ("其间…重新移送", "被告人吴某峰，男。被告人许某，女。本案由某分局侦查终结，于2024年3月20日移送本院审查起诉。其间退回补充侦查，"
     "公安机关于2024年9月20日补充侦查完毕重新移送。", ["吴某峰", "许某"],
     {("移送审查起诉", "2024-03-20", "吴某峰"), ("移送审查起诉", "2024-03-20", "许某"),
      ("重新移送审查起诉", "2024-09-20", "吴某峰"), ("重新移送审查起诉", "2024-09-20", "许某")}),
    # regression (ind_w06): a detention "of ten days" told in an answer is an administrative punishment
    ("拘留了十天", "答：2015年因为抢夺被判过刑，2016年4月出来的。这次1月25日又因为在KTV打人被拘留了十天。", ["杨某栋"], set()),
    ("拘留3日内 still an act", "犯罪嫌疑人杨某栋于2024年2月3日被刑事拘留，拘留3日内未提请批准逮捕。", ["杨某栋"],
     {("刑事拘留", "2024-02-03", "杨某栋")}),
    # regression (ind_v07): the title of a probation's report names the measure; its 考验期 date is no new act
    ("附条件不起诉考察意见书 is no act", "附条件不起诉考察意见书\n被附条件不起诉人陈某考验期自2022年12月20日起至2023年5月19日止。",
     ["陈某", "王某"], set()),
    # regression (corpus k, ind_k12): an opinion heard before the decision proposes it
    ("听取意见：同意对某附条件不起诉 is no act", "2023年4月28日，检察官高某听取被害人贺某意见：同意对刘某附条件不起诉。", ["刘某"], set()),
    # --- relative dates ------------------------------------------------------------------------
    ("次日 after 传唤", "犯罪嫌疑人李四于2018年10月26日被传唤到案，次日被刑事拘留，同年11月23日被逮捕。", ["李四"],
     {("传唤", "2018-10-26", "李四"), ("刑事拘留", "2018-10-27", "李四"), ("逮捕", "2018-11-23", "李四")}),
    ("同月", "因本案于2016年3月7日被羁押，同月8日被刑事拘留，同月22日被取保候审。", ["刘*甲"],
     {("刑事拘留", "2016-03-08", "刘*甲"), ("取保候审", "2016-03-22", "刘*甲")}),
    ("同日 in the same clause", "因本案于2018年9月19日被羁押并于同日被刑事拘留,同年9月26日被广州市公安局取保候审.", ["黄某某"],
     {("刑事拘留", "2018-09-19", "黄某某"), ("取保候审", "2018-09-26", "黄某某")}),
    ("PDF line breaks inside words and dates", "因本案于 2016 年 7 月 12 日被羁押，同日被\n刑事拘留，同年 8 月 17 日被逮捕。", ["童*甲"],
     {("刑事拘留", "2016-07-12", "童*甲"), ("逮捕", "2016-08-17", "童*甲")}),
    ("date after the action in its clause", "犯罪嫌疑人张三被刑事拘留（2020年1月2日）。", ["张三"],
     {("刑事拘留", "2020-01-02", "张三")}),
    # --- OCR and typos -------------------------------------------------------------------------
    ("取保侯审 typo", "2019年1月9日被广州市白云区人民检察院取保侯审，同年1月22日被本院取保候审。", ["黄某某"],
     {("取保候审", "2019-01-09", "黄某某"), ("取保候审", "2019-01-22", "黄某某")}),
    # --- prior convictions are not events ------------------------------------------------------
    ("曾因 … 刑满释放, then this case", "被告人王五曾因犯盗窃罪于2015年3月31日被判处有期徒刑八个月，2015年5月1日刑满释放。"
     "现因涉嫌诈骗罪于2018年10月27日被刑事拘留。", ["王五"], {("刑事拘留", "2018-10-27", "王五")}),
    ("prior detention and arrest inside 曾因", "被告人王五曾因犯盗窃罪于2012年5月1日被刑事拘留，同年6月1日被逮捕，同年9月1日被判处有期徒刑一年。"
     "因本案于2019年11月20日被刑事拘留。", ["王五"], {("刑事拘留", "2019-11-20", "王五")}),
    ("因犯…罪被判处 without 曾; ；-separated", "2013年10月15日因犯盗窃罪被本院判处拘役五个月，同年11月7日刑满释放；"
     "2018年4月2日因本案被德清县公安局刑事拘留，同年4月28日被依法逮捕。", ["卜建斌"],
     {("刑事拘留", "2018-04-02", "卜建斌"), ("逮捕", "2018-04-28", "卜建斌")}),
    ("prior told without 曾: conviction follows in the sentence", "被告人赵六，2010年5月1日因盗窃被刑事拘留，同年6月10日被判处有期徒刑一年。",
     ["赵六"], set()),
    ("prior and this case in one sentence", "因犯寻衅滋事罪，2005年2月28日被法院判处有期徒刑一年，因本案，2019年11月20日被刑事拘留。",
     ["沈银锋"], {("刑事拘留", "2019-11-20", "沈银锋")}),
    # regression (ind_a03, a15, a23): 涉嫌 also opens a prior story; the judgment that follows shows it
    ("prior told with 因涉嫌, judgment follows", "犯罪嫌疑人黄某，男，1984年7月2日出生。2016年1月12日因涉嫌盗窃被厦门市公安局湖里分局"
     "逮捕，同年4月20日被厦门市湖里区人民法院以盗窃罪判处有期徒刑一年六个月，2017年7月11日刑满释放。", ["黄某"], set()),
    ("this case's detention, then a prior story opened by 曾因", "犯罪嫌疑人黄某因涉嫌盗窃于2023年5月1日被刑事拘留，"
     "其曾因盗窃于2016年被判处有期徒刑一年。", ["黄某"], {("刑事拘留", "2023-05-01", "黄某")}),
    ("现因 after a prior story told with 因涉嫌", "2016年1月12日因涉嫌盗窃被逮捕，同年4月20日被判处有期徒刑一年，"
     "现因涉嫌诈骗于2023年5月1日被刑事拘留。", ["黄某"], {("刑事拘留", "2023-05-01", "黄某")}),
    # compact forms: several dates listed before one act (ind_a20, ind_b21)
    ("two returns and two re-transfers listed", "本院已于2021年11月26日、2022年1月20日两次退回你局补充侦查犯罪嫌疑人白某一案，"
     "你局分别于2021年12月24日、2022年2月17日重新移送。", ["白某"],
     {("退回补充侦查", "2021-11-26", "白某"), ("退回补充侦查", "2022-01-20", "白某"),
      ("重新移送审查起诉", "2021-12-24", "白某"), ("重新移送审查起诉", "2022-02-17", "白某")}),
    # a decision referred to in a later request is not dated by the request (ind_b14)
    ("对本院不批准逮捕决定要求复议", "你局于2019年7月19日以并小公（刑）要复字〔2019〕0009号要求复议意见书对本院不批准逮捕犯罪嫌疑人阎某的决定"
     "要求复议。", ["阎某"], set()),
    # the person named after 的 (generator wording bank, two-suspect case)
    ("提请批准逮捕的犯罪嫌疑人某一案收悉", "你局于2023年5月4日以临公（刑）提捕字〔2023〕31号提请批准逮捕书提请批准逮捕的犯罪嫌疑人李某一案收悉。",
     ["李某", "王某"], {("提请批准逮捕", "2023-05-04", "李某")}),
    # regressions (ind_bu01): the request done by the paper whose 文号 follows 以, its name left out; a 文号's "（经）"
    # (经侦) is no "经…批准逮捕"
    ("以…号提请批准逮捕", "你局于2019年11月12日以江州东公（经）提捕字〔2019〕84号提请批准逮捕犯罪嫌疑人吴建国。", ["吴建国", "周建明"],
     {("提请批准逮捕", "2019-11-12", "吴建国")}),
    ("无前科 is no prior", "被告人何某，女，无前科，于2024年5月23日被左贡县公安局取保候审。", ["何某"],
     {("取保候审", "2024-05-23", "何某")}),
    ("刑满释放 is no 释放 event", "2015年5月1日刑满释放。", ["张三"], set()),
    # --- other people's measures -----------------------------------------------------------------
    ("victim's detention", "被害人李某因涉嫌盗窃罪于2019年5月1日被刑事拘留。", ["张三"], set()),
    ("witness clause after the suspect's", "犯罪嫌疑人张三于2020年1月1日被刑事拘留，证人王某于2020年1月2日被取保候审。", ["张三"],
     {("刑事拘留", "2020-01-01", "张三")}),
    ("victim as object is no trap", "被告人张三将被害人李四打伤后，于2020年1月2日被刑事拘留。", ["张三"],
     {("刑事拘留", "2020-01-02", "张三")}),
    ("masked suspect, masked victim beside", "被告人王某于2020年1月1日被刑事拘留，被害人王某1于同日报警。", ["王某"],
     {("刑事拘留", "2020-01-01", "王某")}),
    # --- not acts ------------------------------------------------------------------------------
    ("no date in the clause", "依照《中华人民共和国刑事诉讼法》第一百六十条之规定，现将此案移送审查起诉。", ["张三"], set()),
    ("a document's name", "2020年3月1日向其送达取保候审决定书。", ["张三"], set()),
    ("an application", "犯罪嫌疑人张三的家属于2020年1月3日申请取保候审。", ["张三"], set()),
    ("行政拘留", "张三于2019年1月1日被行政拘留十日。", ["张三"], set()),
    # regression (ind_at02): a 监察 case returned for 补充调查 and transferred again
    ("退回补充调查", "本院于2022年7月1日将林某芬贪污案退回东湖县监察委员会补充调查。", ["林某芬"],
     {("退回补充侦查", "2022-07-01", "林某芬")}),
    ("补充调查后移送起诉", "本院于2022年9月2日重新收到东湖县监察委员会补充调查后移送起诉的林某芬贪污案。", ["林某芬"],
     {("重新移送审查起诉", "2022-09-02", "林某芬")}),
    # regression (ind_aa01, ind_ai02): the term for asking the arrest, extended, is no request and no approval
    ("提请审查批准逮捕的时间", "2021年3月9日被我处刑事拘留，同年3月12日经处长批准，提请审查批准逮捕的时间延长至三十日。", ["张三"],
     {("刑事拘留", "2021-03-09", "张三")}),
    ("提请审查批准逮捕 is the request", "我局于2021年4月6日提请审查批准逮捕犯罪嫌疑人张三。", ["张三"],
     {("提请批准逮捕", "2021-04-06", "张三")}),
    # regression (ind_y05): a breach of the bail is no new bail
    ("违反取保候审规定", "2022年5月20日被我局取保候审，6月15日因违反取保候审规定被没收保证金。", ["张三"],
     {("取保候审", "2022-05-20", "张三")}),
    # regression (ind_z02): the person between 解除 and the measure
    ("解除对某的取保候审", "2020年11月18日宣布不起诉，同日通知执行机关解除对张三的取保候审。", ["张三"],
     {("解除取保候审", "2020-11-18", "张三"), ("不起诉", "2020-11-18", "张三")}),
    # regression (ind_j01, ind_l08): a date opening the case's name is the crime's day, not the 立案's
    ("对<date>…一案立案侦查", "决定对2013年8月25日吴兴区某新村朱某家被盗一案立案侦查。", ["张三"], set()),
    ("对<date>…案立案侦查", "决定对2023.3.11程某某被抢劫案立案侦查。", ["张三"], set()),
    ("于<date>对…一案立案侦查", "我局于2013年8月27日对朱某家被盗一案立案侦查。", ["张三"], {("立案", "2013-08-27", None)}),
    # regression (held-out ind_fo01): the date of the report the 立案 followed is not the 立案's
    ("于<date>接…报案后立案侦查", "由滨河派出所于2022年2月10日接被害人王某报案后立案侦查。", ["张三"],
     {("受案", "2022-02-10", None)}),
    # regression (ind_al01): the family's receipt of the notice is dated by the receipt, not the detention
    ("receipt of a detention notice", "本人已于2023年3月15日10时20分收到张三被刑事拘留的通知。", ["张三"], set()),
    ("a request to extend custody is no extension", "我局于2020年2月10日提请批准延长侦查羁押期限。", ["张三"], set()),
    # regression (ind_aq01): the persons between the verb and the term
    ("a request naming its persons is no extension", "你局于2021年6月14日提请批准延长犯罪嫌疑人张三侦查羁押期限的意见书收悉。",
     ["张三"], set()),
    ("侦查终结报告 is a document", "2020年5月1日制作侦查终结报告。", ["张三"], set()),
    ("侦查终结前 is a time, not the act", "2020年5月1日侦查终结前，张三退赔了损失。", ["张三"], set()),
    ("undated 侦查终结 is no event", "犯罪嫌疑人张三涉嫌盗窃一案，现已侦查终结。", ["张三"], set()),
    # --- the other actions ----------------------------------------------------------------------
    ("移送审查起诉", "以被告人何某涉嫌危险驾驶罪，于2025年3月14日移送本院审查起诉。", ["何某"],
     {("移送审查起诉", "2025-03-14", "何某")}),
    ("提请批准逮捕 then 经…批准逮捕", "犯罪嫌疑人张三于2020年1月1日被刑事拘留，2020年1月5日我局提请批准逮捕，2020年1月12日经本院批准逮捕。",
     ["张三"], {("刑事拘留", "2020-01-01", "张三"), ("提请批准逮捕", "2020-01-05", "张三"), ("逮捕", "2020-01-12", "张三")}),
    ("批准逮捕 decision", "本院于2020年1月12日决定批准逮捕犯罪嫌疑人张三。", ["张三"], {("批准逮捕", "2020-01-12", "张三")}),
    ("侦查终结", "本案于2020年5月1日侦查终结。", ["张三"], {("侦查终结", "2020-05-01", "张三")}),
    ("立案 concerns the case", "我局于2015年9月19日立为贩卖毒品案侦查。", ["黄佳男"], {("立案", "2015-09-19", None)}),
    ("释放", "犯罪嫌疑人张三于2020年1月1日被刑事拘留，2020年1月8日被释放。", ["张三"],
     {("刑事拘留", "2020-01-01", "张三"), ("释放", "2020-01-08", "张三")}),
    ("不起诉 (not 被不起诉人)", "本院于2021年5月10日决定对被不起诉人张某某不起诉。", ["张某某"], {("不起诉", "2021-05-10", "张某某")}),
    ("解除取保候审", "犯罪嫌疑人张三于2020年3月1日被取保候审，2021年3月1日解除对其取保候审。", ["张三"],
     {("取保候审", "2020-03-01", "张三"), ("解除取保候审", "2021-03-01", "张三")}),
    ("指定居所监视居住 (not 监视居住)", "犯罪嫌疑人张三于2020年6月1日被指定居所监视居住。", ["张三"],
     {("指定居所监视居住", "2020-06-01", "张三")}),
    ("延长侦查羁押期限", "2020年2月15日经市人民检察院批准延长侦查羁押期限一个月。", ["张三"],
     {("延长侦查羁押期限", "2020-02-15", "张三")}),
    ("提起公诉 in a judgment", "深圳市龙华区人民检察院以深龙华检刑诉〔2019〕1247号起诉书指控被告人黄燕玲犯诈骗罪一案，于2019年7月10日向本院提起公诉。",
     ["黄燕玲"], {("提起公诉", "2019-07-10", "黄燕玲")}),
    # regression (ind_c02): a co-offender's detention told in a bracket after his name was the suspects'
    ("an aside about a co-offender handled apart",
     "犯罪嫌疑人陈伟、陈玮伙同黄某强（已于2023年5月28日被我局刑事拘留，另案处理），将银行卡提供给他人。"
     "陈伟、陈玮于2023年6月12日被刑事拘留。", ["陈伟", "陈玮"],
     {("刑事拘留", "2023-06-12", "陈伟"), ("刑事拘留", "2023-06-12", "陈玮")}),
    # regression (ind_c07): "上列二犯罪嫌疑人" after two introductions on their own lines means both
    ("a counted plural reference",
     "犯罪嫌疑人谭志勇，男，1983年12月1日出生。\n犯罪嫌疑人易红梅，女，1990年7月15日出生。\n"
     "上列二犯罪嫌疑人因涉嫌非法拘禁罪，于2022年3月8日被我局刑事拘留。", ["谭志勇", "易红梅"],
     {("刑事拘留", "2022-03-08", "谭志勇"), ("刑事拘留", "2022-03-08", "易红梅")}),
    ("a counted reference to fewer than named takes the last ones",
     "犯罪嫌疑人甲某某，男。犯罪嫌疑人乙某某，男。犯罪嫌疑人丙某某，女。\n"
     "上述二人于2022年3月8日被刑事拘留。", ["甲某某", "乙某某", "丙某某"],
     {("刑事拘留", "2022-03-08", "乙某某"), ("刑事拘留", "2022-03-08", "丙某某")}),
    ("an aside right after the suspect's name is his",
     "犯罪嫌疑人张三（2020年1月1日被刑事拘留，另案处理的李四未到案）涉嫌盗窃。", ["张三"],
     {("刑事拘留", "2020-01-01", "张三")}),
    # --- regressions from real published judgments (held-out round g) ----------------------------
    ("date as a clause of its own before the act",
     "被告人滕某，男。2014年9月3日，因犯寻衅滋事罪被本院判处有期徒刑七个月。2014年12月30日，因涉嫌犯赌博罪被衡水市公安局"
     "取保候审。被告人张某，男。2014年12月24日，因涉嫌犯赌博罪被衡水市公安局刑事拘留，2015年1月22日被取保候审。",
     ["滕某", "张某"],
     {("取保候审", "2014-12-30", "滕某"), ("刑事拘留", "2014-12-24", "张某"), ("取保候审", "2015-01-22", "张某")}),
    ("date clause, then a clause without act, then the act",
     "被告人郭某，男。因涉嫌犯交通肇事罪，于2017年11月13日被刑事拘留，同月20日被该局取保候审。2018年7月16日，经本院决定，"
     "由南通市公安局开发区分局执行逮捕。", ["郭某"],
     {("刑事拘留", "2017-11-13", "郭某"), ("取保候审", "2017-11-20", "郭某"), ("逮捕", "2018-07-16", "郭某")}),
    ("approval, then a clause saying only who executed it and when",
     "被告人刘某，男。因涉嫌犯虚假诉讼罪，于2017年8月9日被枣阳市人民检察院批准逮捕，同月24日由枣阳市公安局执行，"
     "同年9月19日被枣阳市公安局取保候审。", ["刘某"],
     {("批准逮捕", "2017-08-09", "刘某"), ("逮捕", "2017-08-24", "刘某"), ("取保候审", "2017-09-19", "刘某")}),
    ("an arrest worded as its approval, executed later in the sentence",
     "被告人林某，男。2016年1月5日被定远县人民检察院取保候审，同年4月6日经本院批准对其逮捕，4月13日由定远县公安局执行逮捕。",
     ["林某"],
     {("取保候审", "2016-01-05", "林某"), ("批准逮捕", "2016-04-06", "林某"), ("逮捕", "2016-04-13", "林某")}),
    # regression (ind_ar07): "分别于" pairs each person with his own date
    ("分别于<date>、<date>", "犯罪嫌疑人莫某强、莫某刚因涉嫌危害珍贵、濒危野生动物罪，分别于2021年2月27日、28日被我局刑事拘留。",
     ["莫某强", "莫某刚"], {("刑事拘留", "2021-02-27", "莫某强"), ("刑事拘留", "2021-02-28", "莫某刚")}),
    # regression (held-out ind_gn05): the second extension told as "批准再延长二个月"
    ("再延长", "犯罪嫌疑人龙某贵，女，1956年4月18日出生。2024年1月22日被刑事拘留，2月3日被逮捕；3月28日经岑湾市人民检察院批准延长"
     "侦查羁押期限一个月，4月29日经南湖省人民检察院以重大犯罪集团案件批准再延长二个月。", ["龙某贵"],
     {("刑事拘留", "2024-01-22", "龙某贵"), ("逮捕", "2024-02-03", "龙某贵"), ("延长侦查羁押期限", "2024-03-28", "龙某贵"),
      ("延长侦查羁押期限", "2024-04-29", "龙某贵")}),
    # regression (held-out ind_gf04): paragraphs introducing each person end without a stop; the next line starts
    # another person's, or the case's sentence naming them all
    ("lines without stops", "施某杰，男，1992年10月3日出生，住某市民族大道121号。于2022年9月20日被取保候审\n"
     "邝某，男，1994年8月15日出生，住某市朝阳路77号。于2022年9月22日被取保候审\n"
     "犯罪嫌疑人施某杰、邝某涉嫌侵犯公民个人信息罪一案，由某市网信办移送线索。", ["施某杰", "邝某"],
     {("取保候审", "2022-09-20", "施某杰"), ("取保候审", "2022-09-22", "邝某")}),
    # regression (held-out ind_ge06): a clock time alone in the list is another person's act the same day
    ("分别于<date time>、<time>和<date time>", "犯罪嫌疑人：龚某军、龚某华、石某，分别于2024年1月12日22时40分、22时\n50分和1月13日0时30分"
     "被刑事拘留，羁押于江川市西城区看守所。", ["龚某军", "龚某华", "石某"],
     {("刑事拘留", "2024-01-12", "龚某军"), ("刑事拘留", "2024-01-12", "龚某华"), ("刑事拘留", "2024-01-13", "石某")}),
    # regression (ind_ao05): an organ's acts over time, "分别于" three dates for a case of three suspects
    ("分别于: an organ's acts", "本案由某分局侦查终结，以被告人何某远、何某、邓某娟涉嫌诈骗罪，于2017年2月24日向本院移送审查起诉。"
     "本院于2017年3月20日、2017年5月15日退回补充侦查，某分局分别于2017年4月18日、2017年6月13日补充侦查完毕重新移送审查起诉。",
     ["何某远", "何某", "邓某娟"],
     {(a, d, p) for p in ("何某远", "何某", "邓某娟") for a, d in (
         ("移送审查起诉", "2017-02-24"), ("退回补充侦查", "2017-03-20"), ("退回补充侦查", "2017-05-15"),
         ("重新移送审查起诉", "2017-04-18"), ("重新移送审查起诉", "2017-06-13"))}),
    # regression (ind_as08): the case's stages are not those of accomplices the document says are handled apart
    ("其间 … 均另案处理", "本案由某分局侦查终结，以被告人农某龙涉嫌寻衅滋事罪，于2023年1月6日向本院移送审查起诉。"
     "其间，本院分别于2023年2月3日、3月28日退回补充侦查。\n经依法审查查明：被告人农某龙纠集黄某豪、黄某杰（均另案处理），随意殴打他人。",
     ["黄某豪", "黄某杰", "农某龙"],
     {("移送审查起诉", "2023-01-06", "农某龙"), ("退回补充侦查", "2023-02-03", "农某龙"), ("退回补充侦查", "2023-03-28", "农某龙")}),
    # regression (held-out ind_eq07): each name with its own date, joined by 、 before one act
    ("<name>于<date>、<name>于<date>", "许某然于2023年4月11日、卢某于2023年4月21日、简某栋于2023年\n4月12日被我局刑事拘留。",
     ["许某然", "卢某", "简某栋"],
     {("刑事拘留", "2023-04-11", "许某然"), ("刑事拘留", "2023-04-21", "卢某"), ("刑事拘留", "2023-04-12", "简某栋")}),
    # regression (held-out ind_es08): an aside after the date counts earlier acts; the date is the transfer's
    ("<date>（经两次退回补充侦查…）移送", "本案由某分局侦查终结，以被不起诉人邹某涉嫌聚众斗殴罪，于2021年4月6日（经两次退回补充侦查，"
     "2021年7月15日第二次重新移送）移送本院审查起诉。", ["邹某"],
     {("移送审查起诉", "2021-04-06", "邹某"), ("重新移送审查起诉", "2021-07-15", "邹某")}),
    ("分别于 for one person is two acts", "犯罪嫌疑人张三分别于2021年11月26日、2022年1月20日两次被退回补充侦查。", ["张三"],
     {("退回补充侦查", "2021-11-26", "张三"), ("退回补充侦查", "2022-01-20", "张三")}),
    # regression (real round ao, judgment_114): the approval in a clause of its own, executed the next day
    ("approval clause, then the execution on another day",
     "2017年12月30日被商城县公安局刑事拘留；2018年2月5日，经商城县人民检察院批准，次日被商城县公安局执行逮捕。", ["刘某"],
     {("刑事拘留", "2017-12-30", "刘某"), ("批准逮捕", "2018-02-05", "刘某"), ("逮捕", "2018-02-06", "刘某")}),
    ("approval clause, executed the same day: one act",
     "2018年7月3日被取保候审；同年8月29日，经商城县人民检察院批准，被商城县公安局执行逮捕。", ["刘某"],
     {("取保候审", "2018-07-03", "刘某"), ("逮捕", "2018-08-29", "刘某")}),
    # --- regressions from held-out round g ------------------------------------------------------
    ("a refusal to approve an arrest is no arrest",
     "犯罪嫌疑人段某，男。2020年8月3日被刑事拘留，同年8月12日经昆明市官渡区人民检察院不批准逮捕，当日被我局取保候审。",
     ["段某"], {("刑事拘留", "2020-08-03", "段某"), ("不批准逮捕", "2020-08-12", "段某"), ("取保候审", "2020-08-12", "段某")}),
    ("a refusal named as the object of a 复议 is not decided that day",
     "2020年8月20日以官公（刑）复议字〔2020〕0009号要求复议意见书要求对犯罪嫌疑人段某不批准逮捕决定复议。", ["段某"],
     set()),
    ("在指定的居所执行监视居住 is the designated-residence measure",
     "我局已于2023年5月6日14时对涉嫌敲诈勒索罪的犯罪嫌疑人赵某在指定的居所执行监视居住。", ["赵某"],
     {("指定居所监视居住", "2023-05-06", "赵某")}),
    ("the case as the subject of a stage: every suspect the document names (round h)",
     "被告人杨帆，男，1996年8月8日出生。被告人杨凡，男，1998年1月15日出生。\n本案由西安市公安局雁塔分局侦查终结，"
     "于2020年7月6日向本院移送审查起诉。", ["杨帆", "杨凡"],
     {("移送审查起诉", "2020-07-06", "杨帆"), ("移送审查起诉", "2020-07-06", "杨凡")}),
    ("a month is not a date: no undated act from it (ind_a11)",
     "被害人于2024年3月下旬陆续报案至我局。我局于2024年4月2日立案侦查。", ["张三"], {("立案", "2024-04-02", None)}),
    ("a date clause does not date an act whose own clause comes after another act",
     "2020年3月1日，犯罪嫌疑人张三被刑事拘留，经审查，被取保候审。", ["张三"],
     {("刑事拘留", "2020-03-01", "张三")}),
]


# regression (real round p, rp_08): a prior case's measures, told up to its judgment past a "；", are not this case's
PRIOR_PAST_SEMICOLON = (
    "上诉人（原审被告人）向某，男。因涉嫌犯寻衅滋事罪，于2012年6月1日被淮滨县公安局刑事拘留，同月16日被逮捕；"
    "因犯聚众斗殴罪，于2012年12月21日被淮滨县人民法院判处有期徒刑三年，缓刑四年。因涉嫌犯故意伤害罪，"
    "于2014年9月19日被淮滨县公安局刑事拘留，2014年9月30日被逮捕。"
)


def test_a_prior_cases_measures_told_past_a_semicolon_are_not_this_cases() -> None:
    assert _triples(PRIOR_PAST_SEMICOLON, ["向某"]) == {("刑事拘留", "2014-09-19", "向某"), ("逮捕", "2014-09-30", "向某")}


def test_this_cases_own_judgment_is_no_prior_story() -> None:
    """Regression (real round r, rr_29): a retrial's defendant "现因涉嫌…被刑事拘留，…被逮捕，…被本院判处…" — the
    judgment is this case's (现因 runs into 涉嫌), the measures are this case's."""
    text = ("原审被告人王某，男。因吸食毒品，于2016年2月25日被行政拘留十五日。现因涉嫌犯贩卖毒品罪，于2016年2月24日被抓获，"
            "同月25日被刑事拘留，同年3月10日被逮捕，同年5月20日，被本院判处有期徒刑三年六个月，现在服刑。")
    assert _triples(text, ["王某"]) == {("刑事拘留", "2016-02-25", "王某"), ("逮捕", "2016-03-10", "王某")}


# Acts in documents of a given type (doc_type, text, persons, expected).
TYPED_CASES = [
    # regression (ind_k01): a police narrative's 传唤 is a dated act of the suspect
    ("起诉意见书", "犯罪嫌疑人曾某于2021年3月11日被我局民警口头传唤到案。", ["曾某"], {("传唤", "2021-03-11", "曾某")}),
    # a judgment recounts the measures its sentence is offset against, not how the defendant was brought in
    ("刑事判决书", "被告人李四于2018年10月26日被传唤到案，次日被刑事拘留。", ["李四"], {("刑事拘留", "2018-10-27", "李四")}),
    # regression (real round r, rr_12): nor does the 起诉书 filed with the court
    ("起诉书", "被告人芦某某于2024年2月2日经公安机关传唤后到案。", ["芦某某"], set()),
    # regression (real round m, rm_30): a form's option list is no act
    ("讯问笔录", "时间2015年11月20日09时10分\n口头传唤/被扭送/自动投案的被讯问人于_月_日到达", ["夏某"], set()),
    # regression (ind_a03): "口头传唤的被讯问人于9月26日…到达" describes the person; the birth date gives no year
    ("讯问笔录", "时间：2023年9月26日9时50分\n被讯问人：苏某，出生日期1992年3月4日\n（口头传唤的被讯问人于9月26日9时50分到达）",
     ["苏某"], set()),
    # regression (ind_k04): the record's 到案方式 field: summoned to this sitting, dated by the record
    ("讯问笔录", "讯问笔录\n到案方式：口头传唤\n被讯问人：何某\n问：你的基本情况？", ["何某"], {("传唤", "2016-02-26", "何某")}),
    # regression (ind_i03): the 传唤证's own wording names the person after "涉嫌…的"
    ("传唤证", "兹传唤涉嫌诈骗的孟某于2016年4月8日9时到某派出所接受讯问。", ["孟某", "韩某"], {("传唤", "2016-04-08", "孟某")}),
    # regression (ind_cv09, cv01): an answer to a question about the past tells a prior case's acts…
    ("讯问笔录", "问：你上次被拘留是什么时候？\n答：2021年5月10日被拘留过，当时还没满十八岁，后来取保了。\n问：你知道为什么被带来吗？",
     ["尤某"], set()),
    ("讯问笔录", "问：你以前受过什么处理没有？\n答：2018年1月20日被刑事拘留，后来就判了刑。\n问：还有吗？", ["罗某"], set()),
    # …until it turns to this case
    ("讯问笔录", "问：你上次被拘留是什么时候？\n答：2021年5月10日那次。这次是2024年9月2日被刑事拘留的。", ["尤某"],
     {("刑事拘留", "2024-09-02", "尤某")}),
    # an answer to a question about this case keeps its acts
    ("讯问笔录", "问：你是什么时候被抓的？\n答：我是2024年9月2日被刑事拘留的。", ["尤某"], {("刑事拘留", "2024-09-02", "尤某")}),
]


@pytest.mark.parametrize("doc_type,text,persons,expected", TYPED_CASES, ids=[f"{c[0]}:{c[1][:16]}" for c in TYPED_CASES])
def test_events_in_typed_documents(doc_type: str, text: str, persons: list[str],
                                   expected: set[tuple[str, str | None, str | None]]) -> None:
    date = "2016-02-26" if doc_type == "讯问笔录" and "到案方式" in text else None
    found = {(e.action, iso(e.date), e.person) for e in find_events(_doc(text, doc_type, date), persons)}
    # The acts in question only (an undated document's own act, a record's 讯问, are other tests' business).
    assert {t for t in found if t[0] in ("传唤", "刑事拘留") and t[1]} == expected


def test_regression_a_forms_checkbox_options_tell_no_act() -> None:
    """ind_bi01: "案件来源 报案 □控告 □举报" then the reporter's birth date in the flattened table: no 受案 in 1978."""
    text = ("受案登记表\n案件来源\n报案 □控告 □举报 □扭送 □投案 □110指令\n报案人\n姓名\n性别\n出生日期\n联系方式\n赵慧\n女\n"
            "1978年5月2日\n接报时间\n2021年4月6日10时20分")
    found = {(e.action, iso(e.date)) for e in find_events(_doc(text, "受案登记表", "2021-04-06"), [])}
    assert ("受案", "1978-05-02") not in found


@pytest.mark.parametrize(("doc_type", "text", "action"), [
    # held-out ind_di01: "刑拘" inside a 文号 ("榕公滨刑拘通字〔2023〕0318号") after a date tells no detention
    ("拘留通知书", "填发时间：2023年3月13日\n- - - - 此处骑缝 - - - -\n某分局\n拘留通知书\n（副 本）\n榕公滨刑拘通字〔2023〕0318号", "刑事拘留"),
    # held-out ind_di03: a measure lifted with its persons between verb and measure is no new measure
    ("起诉意见书", "2022年2月25日解除莫某新、何某萍的监视居住，2022年3月15日解除顾某东的监视居住。", "监视居住"),
    ("起诉意见书", "2022年2月25日解除莫某新的取保候审。", "取保候审"),
    # held-out ind_du09: the procuratorate's review stage ("审查逮捕时") is no arrest
    ("未知文书", "一、扣押清单已于2024年4月26日补开（贵院审查逮捕时该清单尚未随卷报送），现附卷，涉及陈某俊。", "逮捕"),
])
def test_regression_words_that_name_no_act(doc_type: str, text: str, action: str) -> None:
    found = find_events(_doc(text, doc_type, None), ["莫某新", "何某萍", "顾某东", "陈某俊"])
    assert not [e for e in found if e.action == action]


def test_regression_a_requests_title_asks_for_the_filing_it_tells_none() -> None:
    """Held-out ind_di01: "关于…立案侦查的报告" over the 报案 date gave a 立案 on the day of the report."""
    text = "关于何某被盗案立案侦查的报告\n2023年3月1日，沙溪派出所接何某报案后，经调取周边监控，符合刑事立案条件。"
    found = {(e.action, iso(e.date)) for e in find_events(_doc(text, "呈请立案报告书", "2023-03-10"), [])}
    assert not any(action == "立案" for action, _ in found)


@pytest.mark.parametrize("name,text,persons,expected", CASES, ids=[c[0] for c in CASES])
def test_narrative_events(name: str, text: str, persons: list[str], expected: set[tuple[str, str | None, str | None]]) -> None:
    assert _triples(text, persons) == expected


ORGANS = [
    ("经本院决定 … 同日由公安局执行", "2025年3月14日经本院决定取保候审，同日由左贡县公安局执行。", "左贡县人民检察院",
     "取保候审", "左贡县人民检察院", "左贡县公安局"),
    ("approving procuratorate of an arrest", QSYJS, None, "逮捕", "大连市甘井子区人民检察院", None),
    ("被X<act>", "同年9月26日被广州市公安局取保候审。", None, "取保候审", "广州市公安局", None),
    ("我局 resolved to the document's organ", QSYJS, "大连市公安局甘井子分局", "刑事拘留", "大连市公安局甘井子分局", None),
    ("X于…决定<act>", "本院于2020年1月12日决定批准逮捕犯罪嫌疑人何某。", "某县人民检察院", "批准逮捕", "某县人民检察院", None),
    ("X决定于…对其<act>", "临川区公安局决定于2023年3月8日对其取保候审。", None, "取保候审", "临川区公安局", None),
    ("the earlier act is not given the later executor", "于2024年5月23日被左贡县公安局取保候审，2025年3月14日经本院决定取保候审，"
     "同日由左贡县公安局执行。", "左贡县人民检察院", "取保候审", "左贡县公安局", None),
    # --- the investigating organ ends the investigation and transfers the case ---------------------
    ("由X侦查终结 … 移送审查起诉", "本案由左贡县公安局侦查终结，以被告人何某涉嫌危险驾驶罪，于2025年3月14日移送本院审查起诉。",
     "左贡县人民检察院", "移送审查起诉", "左贡县公安局", None),
    ("X侦查终结，…移送审查起诉", "临川区公安局侦查终结，于2020年5月3日将何某移送本院审查起诉。", None,
     "移送审查起诉", "临川区公安局", None),
    ("经X侦查终结", "何某涉嫌盗窃一案，经临川区公安局侦查终结，于2020年5月3日移送本院审查起诉。", None,
     "移送审查起诉", "临川区公安局", None),
    ("由X于…侦查终结 (the end itself)", "何某涉嫌盗窃一案，由临川区公安局于2020年5月1日侦查终结，同年5月3日移送审查起诉。",
     None, "侦查终结", "临川区公安局", None),
    ("由X于…侦查终结, then the transfer", "何某涉嫌盗窃一案，由临川区公安局于2020年5月1日侦查终结，同年5月3日移送审查起诉。",
     None, "移送审查起诉", "临川区公安局", None),
    ("本局侦查终结 resolved to the document's organ", "本局侦查终结，于2020年5月3日移送临川区人民检察院审查起诉。",
     "临川区公安局", "移送审查起诉", "临川区公安局", None),
    ("an earlier sentence's organ is not taken", "本案由甲县公安局侦查终结。何某于2020年5月3日被乙县公安局刑事拘留。",
     None, "刑事拘留", "乙县公安局", None),
    # --- "由X<act>": deciding, or executing when the action is worded as an execution ---------------
    ("由X<act> decides", "何某于2020年5月1日由临川区公安局刑事拘留。", None, "刑事拘留", "临川区公安局", None),
    ("由X执行<act> executes", "何某于2020年5月1日由临川区公安局执行逮捕。", None, "逮捕", None, "临川区公安局"),
    ("由X立案侦查", "2020年5月1日由临川区公安局立案侦查。", None, "立案", "临川区公安局", None),
]


@pytest.mark.parametrize("name,text,own,action,organ,executed_by", ORGANS, ids=[c[0] for c in ORGANS])
def test_deciding_and_executing_organ(name: str, text: str, own: str | None, action: str, organ: str, executed_by: str | None) -> None:
    events = [e for e in find_events(_doc(text, organ=own), ["何某"]) if e.action == action]
    assert events
    assert (events[0].organ, events[0].executed_by) == (organ, executed_by)


def test_evidence_quote_runs_from_date_to_action_in_original_text() -> None:
    text = "因本案于 2016 年 7 月 12 日被羁押，同日被\n刑事拘留。"
    (ev,) = find_events(_doc(text), ["童*甲"])
    quote = ev.evidence[0]
    assert quote.quote == "同日被\n刑事拘留" == text[quote.start : quote.end]


@pytest.mark.parametrize(
    "doc_type,date,text,expected",
    [
        ("拘留证", "2020-03-01", "拘留证\n根据…决定对犯罪嫌疑人张三执行拘留。", {("刑事拘留", "2020-03-01", "张三")}),
        ("立案决定书", "2020-02-01", "立案决定书\n张三盗窃案符合立案条件，决定立案侦查。", {("立案", "2020-02-01", None)}),
        ("取保候审决定书", None, "取保候审决定书\n犯罪嫌疑人张三…", {("取保候审", None, "张三")}),
        ("刑事判决书", "2020-05-01", "刑事判决书\n被告人张三…", set()),
        # regressions (corpora a and g): the 监视居住通知书 of a designated residence is the family's notice, and in a
        # decision to use a designated residence a plain "监视居住" is that measure
        ("监视居住通知书", "2023-05-07", "监视居住通知书\n张三家属：我局已于2023年5月6日14时对涉嫌盗窃罪的张三在指定的居所执行"
                                       "监视居住。", {("通知家属", "2023-05-07", "张三"), ("指定居所监视居住", "2023-05-06", "张三")}),
        ("监视居住决定书", "2023-05-06", "监视居住决定书\n决定对犯罪嫌疑人张三在指定的居所监视居住。本决定书已于2023年5月6日14时"
                                       "向我宣读，当日14时起开始监视居住。", {("指定居所监视居住", "2023-05-06", "张三")}),
        # regression (held-out ind_dm03): a prison's release of a sentence served is another case's; a police one is not
        ("释放证明书", "2022-05-05", "释放证明书\n兹有罪犯张三，因盗窃罪经某县人民法院判处有期徒刑二年。现因刑满，予以释放。", set()),
        ("释放证明书", "2023-08-08", "释放证明书\n兹有张三因涉嫌盗窃罪被刑事拘留，现因变更为监视居住，予以释放。",
         {("释放", "2023-08-08", "张三")}),
        # regression (held-out ind_ds01): a notice's receipt part bound on its own is the family's receipt, not the
        # notice; the notice itself is
        ("拘留通知书", "2023-03-22", "拘留通知书（回执）\n某公（刑）拘通字〔2023〕020号\n某分局：\n你局拘留通知书已收到。\n"
                                     "收件人：张四（签名）\n2023年3月22日10时30分", set()),
        ("拘留通知书", "2023-03-21", "拘留通知书\n张四：\n我局已于2023年3月20日22时将涉嫌盗窃罪的张三刑事拘留，现羁押在某看守所。\n"
                                     "某分局\n2023年3月21日", {("通知家属", "2023-03-21", "张三"), ("刑事拘留", "2023-03-20", "张三")}),
        # regression (round g): a 卷内目录's rows name documents and their dates, never acts
        ("卷内目录", None, "卷内目录\n16  取保候审决定书  杭拱公（刑）取保字〔2022〕0098号  2022年3月11日  27\n"
                           "19  提请批准逮捕书  2022年3月13日  31", set()),
    ],
)
def test_document_own_act(doc_type: str, date: str | None, text: str, expected: set[tuple[str, str | None, str | None]]) -> None:
    assert _triples(text, ["张三"], doc_type=doc_type, date=date, title=doc_type) == expected


DECIDED_ON_CASES = [
    # regression (ind_y01): a co-suspect named in the reasons is not the person the decision is taken on
    ("不批准逮捕决定书", "不批准逮捕决定书\n现有证据仅有同案犯罪嫌疑人林建华的供述，林辉本人否认明知。决定不批准逮捕犯罪嫌疑人林辉。",
     {("不批准逮捕", "林辉")}),
    # regression (ind_y01): a request about another act names its person there
    ("要求复议意见书", "要求复议意见书\n你院以不批准逮捕决定书决定不批准逮捕犯罪嫌疑人林辉。除林建华供述外，陈志强亦供称林辉在场，"
     "特要求你院复议。", {("要求复议", "林辉")}),
    # regression (ind_cj09): a transfer is not of the suspect the paper says stays behind
    ("起诉意见书", "起诉意见书\n犯罪嫌疑人林辉、陈志强涉嫌盗窃罪一案，现已侦查终结。现将此案移送审查起诉。犯罪嫌疑人林建华仍在取保候审中，继续侦查。",
     {("移送审查起诉", "林辉"), ("移送审查起诉", "陈志强")}),
    # a decision on two of three suspects is the act of both
    ("批准逮捕决定书", "批准逮捕决定书\n经审查，决定批准逮捕犯罪嫌疑人林辉、陈志强。林建华另案处理。",
     {("批准逮捕", "林辉"), ("批准逮捕", "陈志强")}),
    # regression (corpus au, ind_au01): a decision addressed to one suspect ("对你") names the case by both
    ("取保候审决定书", "取保候审决定书\n犯罪嫌疑人陈志强：\n本院在审查起诉林辉、陈志强涉嫌交通肇事罪一案中，因办案需要，决定对你取保候审。",
     {("取保候审", "陈志强")}),
    # regression (corpus ba, ind_ba01): a warrant's order names its person before the act; the next form's stub on
    # the same page names another (his detention was dated by this warrant's announcement: a notice 26 hours late)
    ("拘留证", "拘留证\n兹决定对犯罪嫌疑人林辉（性别男，出生日期1996年5月8日）执行拘留，送青林市看守所羁押。\n"
     "案件名称：陈志强涉嫌盗窃罪案 犯罪嫌疑人：陈志强 性别：男", {("刑事拘留", "林辉")}),
    # a document whose act names nobody after it keeps every suspect it names
    ("逮捕证", "逮捕证\n兹决定对犯罪嫌疑人林辉、陈志强执行逮捕。", {("逮捕", "林辉"), ("逮捕", "陈志强")}),
]


FAMILY_NOTICE_CASES = [
    # regression (ind_z06): the notice is addressed to the detained woman's husband, himself a suspect
    ("热合曼·艾合买提：\n我局已于2021年8月12日9时30分将涉嫌故意伤害罪的阿依古丽·买买提刑事拘留，现羁押在临川市看守所。\n"
     "本通知已于2021年8月12日13时30分以电话方式通知被拘留人家属热合曼·艾合买提（丈夫）。", {"阿依古丽·买买提"}),
    # regression (ind_z06): a clerk leaves out the middle dot of a transliterated name
    ("古丽娜尔·阿不都：\n我局已于2021年8月10日16时20分将涉嫌故意伤害罪的艾合买提吐尔逊刑事拘留。", {"艾合买提·吐尔逊"}),
    # two suspects detained together, one notice to a relative of both
    ("王某芳：\n我局已于2021年8月12日将涉嫌盗窃罪的阿依古丽·买买提、陈卫东刑事拘留。", {"阿依古丽·买买提", "陈卫东"}),
    # regression (ind_as04): a page's footer naming the whole case names nobody's notice
    ("沙马某：\n我局已于2020年9月18日20时00分将涉嫌强奸罪的阿依古丽·买买提刑事拘留。\n\n昭觉县公安局 刑事诉讼卷 阿依古丽·买买提、陈卫东强奸案"
     "            第 11 页", {"阿依古丽·买买提"}),
    # regression (ind_af09, ind_z05): a notice saying nobody could be told records no notification
    ("（被拘留人家属：无法通知）\n我局已于2021年8月12日将涉嫌盗窃罪的陈卫东刑事拘留。\n未通知家属原因：身份不明，无法通知其家属。", set()),
    # regression (ind_i10): told later, once the family was found
    ("陈某芳（陈卫东之妹）：\n我局已于2021年8月12日9时将涉嫌盗窃罪的陈卫东刑事拘留。拘留后二十四小时以内无法通知；2021年8月14日查明其胞妹"
     "联系方式后即行通知。", {"陈卫东"}),
]


@pytest.mark.parametrize("text,expected", FAMILY_NOTICE_CASES, ids=[c[0][:12] for c in FAMILY_NOTICE_CASES])
def test_a_family_notice_is_the_detained_persons(text: str, expected: set[str]) -> None:
    doc = _doc("拘留通知书\n" + text, "拘留通知书", "2021-08-12", title="拘留通知书")
    persons = ["艾合买提·吐尔逊", "热合曼·艾合买提", "阿依古丽·买买提", "陈卫东"]
    assert {e.person for e in find_events(doc, persons) if e.action == "通知家属"} == expected


@pytest.mark.parametrize("doc_type,text,expected", DECIDED_ON_CASES, ids=[c[0] for c in DECIDED_ON_CASES])
def test_a_decision_is_the_act_of_those_it_is_taken_on(doc_type: str, text: str, expected: set[tuple[str, str]]) -> None:
    doc = _doc(text, doc_type, "2016-10-16", title=doc_type)
    found = {(e.action, e.person) for e in find_events(doc, ["林建华", "林辉", "陈志强"]) if e.action == own_act(doc)}
    assert found == expected


@pytest.mark.parametrize("text", ["", "。。。，，", "于于于2020年被" * 50, "\x00\ufffd刑事拘留", "2020年13月45日被刑事拘留"])
def test_odd_text_never_raises(text: str) -> None:
    assert isinstance(find_events(_doc(text), ["张三"]), list)


def _case(*docs: tuple[str, str, str | None]) -> Case:
    pages, documents, pos = [], [], 0
    for i, (doc_type, text, date) in enumerate(docs, start=1):
        pages.append(Page(number=i, text=text, source="t.txt", method="txt"))
        documents.append(Document(id=f"d{i}", type=doc_type, title=doc_type, start=pos, end=pos + len(text), text=text,
                                  pages=(i,), date=day(date)))
        pos += len(text) + 1
    dossier = Dossier(source="t.txt", pages=pages)
    dossier.build_text()
    case, _ = build_case(dossier, documents)
    return case


def test_extract_case_merges_one_fact_across_documents() -> None:
    case = _case(
        ("提请批准逮捕书", "提请批准逮捕书\n犯罪嫌疑人张三，男，1980年1月1日出生。犯罪嫌疑人张三因涉嫌盗窃罪于2020年3月1日被我局刑事拘留。", "2020-03-04"),
        ("拘留证", "拘留证\n兹决定对犯罪嫌疑人张三执行拘留。", "2020-03-01"),
    )
    assert case.persons == ("张三",)
    (detention,) = [e for e in case.events if e.action == "刑事拘留"]
    assert detention.document_id == "d2"  # the act's own document
    assert {(e.document_id, e.page) for e in detention.evidence} == {("d1", 1), ("d2", 2)}
    assert [e.date for e in case.events] == sorted(e.date for e in case.events)


def test_extract_case_undated_own_act_joins_the_dated_event() -> None:
    case = _case(
        ("起诉意见书", "起诉意见书\n犯罪嫌疑人张三，男，1980年1月1日出生。现将此案移送审查起诉。", None),
        ("起诉书", "起诉书\n被告人张三，男，1980年1月1日出生。于2020年6月1日移送本院审查起诉。", None),
    )
    (transfer,) = [e for e in case.events if e.action == "移送审查起诉"]
    assert (iso(transfer.date), transfer.document_id) == ("2020-06-01", "d1")
    assert {e.document_id for e in transfer.evidence} == {"d1", "d2"}


def test_extract_case_sets_citation_document() -> None:
    case = _case(("起诉书", "起诉书\n依照《中华人民共和国刑事诉讼法》第一百七十六条的规定提起公诉。", "2020-06-01"))
    assert [(c.article, c.document_id) for c in case.citations] == [(176, "d1")]


def test_extract_case_never_raises_on_odd_documents() -> None:
    case = _case(("未知文书", "\x00" * 10, "not-a-date"), ("拘留证", "", "2020-13-45"))
    assert case.citations == () and case.persons == ()


@requires_shared
def test_action_vocabulary_is_design_section_2_3() -> None:
    design = (SHARED / "design.md").read_text(encoding="utf-8")
    section = design.split("### 2.3", 1)[1].split("Measures of", 1)[0]
    vocabulary = [w.strip(" .") for w in re.split(r"[,，\n]", section.split("\n", 1)[1]) if w.strip(" .")]
    assert action_names() == vocabulary


def test_doc_type_acts_are_canonical_actions() -> None:
    acts = {t["act"] for t in load_yaml("doc_types.yaml")["types"] if t.get("act")}
    assert acts <= set(action_names())


@pytest.mark.parametrize(
    "text",
    [
        "兹决定对犯罪嫌疑人张某某（男，1985年6月2日出生）执行拘留，送临川区看守所羁押。",
        "兹决定对犯罪嫌疑人张某某（性别男，出生日期1985年6月2日）执行拘留。",
        "犯罪嫌疑人张某某，男，1985年6月2日生，因涉嫌盗窃罪被刑事拘留。",
        # regression (corpus av, ind_av03): a table row, the date beside the ID number that encodes it; the measure's
        # cell names a state, undated (read as an arrest 30 years before the transfer: INVESTIGATION-CUSTODY-OVERDUE)
        "序号 姓名 性别 出生日期 公民身份号码 强制措施\n2 张某某 男 1985.06.02 340404198506025270 逮捕（在押）",
        "序号 姓名 性别 公民身份号码 出生日期 强制措施\n2 张某某 男 340404198506025270 1985年6月2日 刑事拘留",
    ],
)
def test_birth_date_is_not_a_measure_date(text: str) -> None:
    """Regression: a 拘留证's birth date was read as the date of 刑事拘留."""
    doc = Document(id="d1", type="未知文书", title="", start=0, end=len(text), text=text)
    assert all(iso(e.date) != "1985-06-02" for e in find_events(doc, ["张某某"]))


def test_period_end_is_not_the_date_of_the_act() -> None:
    """Regression: "拘留期限延长至2023年4月28日" dated the extension on the new expiry day."""
    text = "决定对被拘留人孟杰海的拘留期限延长至2023年4月28日。"
    doc = Document(id="d1", type="未知文书", title="", start=0, end=len(text), text=text)
    assert all(iso(e.date) != "2023-04-28" for e in find_events(doc, ["孟杰海"]))


def test_name_cut_short_by_the_tokenizer_joins_the_full_name() -> None:
    """Regression: "孟杰海系结伙作案" made a second suspect 孟杰 with events of its own."""
    docs = [
        "临川区公安局\n拘留证\n兹决定对犯罪嫌疑人孟杰海（性别男）执行拘留。\n二〇二三年三月二十九日",
        "临川区公安局\n延长拘留期限通知书\n因犯罪嫌疑人孟杰海系结伙作案的重大嫌疑分子，决定延长拘留期限。\n二〇二三年三月三十日",
    ]
    dossier = Dossier(source="t", pages=[Page(number=i + 1, text=t, source="t", method="txt") for i, t in enumerate(docs)])
    dossier.build_text()
    from auditor.segment import segment

    case, _ = build_case(dossier, segment(dossier))
    assert case.persons == ("孟杰海",)
    assert {e.person for e in case.events} == {"孟杰海"}


def test_person_named_after_the_action() -> None:
    """Regression: "…提请批准逮捕犯罪嫌疑人X" gave an event without a person in a two-suspect case."""
    text = "你局于2023年4月23日以临公（刑）提捕字〔2023〕108号提请批准逮捕书提请批准逮捕犯罪嫌疑人孟杰海，经本院审查。"
    doc = Document(id="d1", type="未知文书", title="", start=0, end=len(text), text=text)
    events = find_events(doc, ["孟杰海", "朱俊"])
    assert [(e.action, iso(e.date), e.person) for e in events if e.action == "提请批准逮捕"] == [
        ("提请批准逮捕", "2023-04-23", "孟杰海")
    ]


def test_a_name_wrapped_by_a_pdf_line_is_the_own_acts_person() -> None:
    """Regression (corpus o, ind_o07): "…提请批准逮捕犯罪嫌疑人赵宏\n伟，…决定批准逮捕。" is 赵宏伟's 批准逮捕."""
    doc = _doc("批准逮捕决定书\n你局提请批准逮捕犯罪嫌疑人赵宏\n伟，经本院审查，决定批准逮捕。", "批准逮捕决定书", "2024-04-18",
               title="批准逮捕决定书")
    assert {(e.action, e.person) for e in find_events(doc, ["赵宏伟", "孙立新"])} == {("批准逮捕", "赵宏伟")}


def test_a_witness_interview_is_no_event_of_the_case() -> None:
    """Regression (corpora g, l): a 询问笔录 of a witness is evidence, not a procedural act on anyone the case is about;
    no corpus labels it and no rule reads it."""
    from auditor.extract.case import build_case
    from auditor.model import Dossier

    witness = "询问笔录\n时间：2022年3月2日9时00分至10时00分\n被询问人：周某（证人）\n问：你看到了什么？\n答：我看到犯罪嫌疑人李某某打人。"
    suspect = "拘留证\n兹决定对犯罪嫌疑人李某某（男，1990年1月1日出生）执行拘留。\n某某公安局\n二〇二二年三月三日"
    docs = [_doc(witness, "询问笔录", "2022-03-02", title="询问笔录"), _doc(suspect, "拘留证", "2022-03-03", title="拘留证")]
    docs = [d.model_copy(update={"id": f"d{i}"}) for i, d in enumerate(docs)]
    case, _ = build_case(Dossier(source="x"), docs)
    assert {(e.action, iso(e.date), e.person) for e in case.events} == {("刑事拘留", "2022-03-03", "李某某")}


@pytest.mark.parametrize(("questioned", "expected"), [
    # regression (held-out ind_ed06): the suspect's brother tells of his own detention in another case
    ("曹某梁，男，1983年出生，曹某栋之弟", set()),
    # …while a suspect questioned (before the case turned criminal) tells of his own
    ("曹某栋，男，1985年出生", {("刑事拘留", "2021-11-03", "曹某栋")}),
])
def test_a_witness_telling_of_himself_gives_the_suspect_no_event(questioned: str, expected: set) -> None:
    text = (f"询问笔录\n时间：2022年3月3日9时00分至10时30分\n被询问人：{questioned}\n问：你因何被羁押？\n"
            "答：我2021年11月3日因为盗窃被汀州市公安局刑事拘留，跟我哥的事没有关系。")
    doc = _doc(text, "询问笔录", "2022-03-03", title="询问笔录")
    found = {(e.action, iso(e.date), e.person) for e in find_events(doc, ["曹某栋", "孙某萍"]) if e.action == "刑事拘留"}
    assert found == expected


def test_a_prior_judgment_copied_into_the_file_gives_no_event() -> None:
    """Held-out ind_eg04: a 2016 刑事判决书 of the suspect's prior conviction bound into a 2023 file (no 复印件 note naming
    another case): a judgment dated before every police paper is another case's; its 逮捕 is no act of this one."""
    from auditor.extract.case import build_case
    from auditor.model import Dossier

    judgment = ("刑事判决书\n（2016）桂0107刑初388号\n（复印件，与原件核对无误）\n被告人莫某勇，男，1982年8月14日出生。因涉嫌犯非法持有毒品罪"
                "于2016年5月3日被刑事拘留，同年6月8日被逮捕。\n二〇一六年九月十二日")
    warrant = "逮捕证\n兹由我局对涉嫌贩卖毒品罪的犯罪嫌疑人莫某勇（男，1982年8月14日出生）执行逮捕。\n某分局（印）\n二〇二三年五月二十二日"
    docs = [_doc(judgment, "刑事判决书", "2016-09-12", title="刑事判决书"), _doc(warrant, "逮捕证", "2023-05-22", title="逮捕证")]
    case, _ = build_case(Dossier(source="x"), [d.model_copy(update={"id": f"d{i}"}) for i, d in enumerate(docs)])
    assert {(e.action, iso(e.date)) for e in case.events if e.person == "莫某勇"} == {("逮捕", "2023-05-22")}


def test_a_suspect_questioned_as_in_an_administrative_case_keeps_his_interview() -> None:
    """Regression (corpus l): "询问笔录 … 被询问人：彭某某　性别：男" before the case turned criminal is his act."""
    from auditor.extract.case import build_case
    from auditor.model import Dossier

    text = "询问笔录\n时间：2023年4月22日21时00分至23时30分\n被询问人：彭某某　性别：男　出生日期：1985年6月18日\n问：你因涉嫌殴打他人被传唤，明白吗？\n答：明白。"
    warrant = "拘留证\n兹决定对犯罪嫌疑人彭某某（男，1985年6月18日出生）执行拘留。\n某某公安局\n二〇二三年四月二十三日"
    docs = [_doc(text, "询问笔录", "2023-04-22", title="询问笔录"), _doc(warrant, "拘留证", "2023-04-23", title="拘留证")]
    case, _ = build_case(Dossier(source="x"), [d.model_copy(update={"id": f"d{i}"}) for i, d in enumerate(docs)])
    assert ("询问", "2023-04-22", "彭某某") in {(e.action, iso(e.date), e.person) for e in case.events}


def test_a_false_name_given_when_identity_unknown_finds_the_suspects_events() -> None:
    """Regression (corpus q, ind_q04): acts recorded under the name he gave (陈强) are 陈国强's once a document states
    "陈国强（到案时自报姓名“陈强”）"; no event is left without its person."""
    from auditor.extract.case import build_case
    from auditor.model import Dossier

    texts = [("逮捕证", "逮捕证\n兹决定对涉嫌盗窃罪的陈强（自报姓名）执行逮捕。", "2023-09-28"),
             ("起诉意见书", "起诉意见书\n犯罪嫌疑人陈国强（到案时自报姓名“陈强”），男，1986年5月7日出生，于2023年9月28日被逮捕。",
              "2023-12-01")]
    docs = [_doc(t, ty, d, title=ty).model_copy(update={"id": f"d{i}"}) for i, (ty, t, d) in enumerate(texts)]
    case, _ = build_case(Dossier(source="x"), docs)
    assert {(e.action, iso(e.date), e.person) for e in case.events if e.action == "逮捕"} == {("逮捕", "2023-09-28", "陈国强")}


def test_regression_a_suspect_known_by_the_name_he_gave_until_identified_has_his_acts() -> None:
    """Corpus bg (ind_bg03): a suspect who would not give his true name was detained and arrested as "自报姓名“阿强”的男子";
    a later notice states "犯罪嫌疑人“阿强”……已查清身份，其真实姓名为邓国强". The acts under the name he gave are his."""
    from auditor.extract.case import build_case
    from auditor.model import Dossier

    texts = [("拘留证", "拘留证\n兹决定对涉嫌故意杀人罪的自报姓名“阿强”的男子（真实姓名、住址不详）执行拘留。", "2022-08-13"),
             ("变更羁押期限通知书", "变更羁押期限通知书\n犯罪嫌疑人“阿强”经DNA比对，已于2022年9月30日查清身份，其真实姓名为邓国强，"
              "邓国强，男，1985年3月19日出生。", "2022-09-30"),
             ("拘留证", "拘留证\n兹决定对涉嫌故意杀人罪的邓国华（性别男，出生日期1988年10月6日）执行拘留。", "2022-08-14"),
             ("起诉意见书", "起诉意见书\n犯罪嫌疑人邓国强，男，1985年3月19日出生，于2022年8月13日被刑事拘留。\n"
              "犯罪嫌疑人邓国华，男，1988年10月6日出生，于2022年8月14日被刑事拘留。", "2022-11-15")]
    docs = [_doc(t, ty, d, title=ty).model_copy(update={"id": f"d{i}"}) for i, (ty, t, d) in enumerate(texts)]
    case, _ = build_case(Dossier(source="x"), docs)
    assert ("刑事拘留", "2022-08-13", "邓国强") in {(e.action, iso(e.date), e.person) for e in case.events
                                                 if e.document_id == "d0"}
    assert all(e.person for e in case.events if e.action == "刑事拘留")


@pytest.mark.parametrize("telling", [
    "犯罪嫌疑人“阿坤”（自报姓名，真实身份后查明为宋坤）为平台提供收款账户。",
    "问：你叫什么名字？\n答：宋坤，“阿坤”是外号。",
    # held-out ind_fs05: the words saying it was established come before the name he gave
    "2024年4月23日，经指纹比对查明“阿坤”真实身份为宋坤（公民身份号码已核实）。",
])
def test_regression_a_name_given_then_the_true_identity_makes_one_suspect(telling: str) -> None:
    """Held-out ind_fb03: a suspect detained under the name he gave ("阿坤"), his true identity (宋坤) found later and told
    in other words than "真实姓名为": one person — his 拘留通知书 under his true name is the detention's."""
    from auditor.pipeline import audit_text

    text = ("拘留证\n兹决定对犯罪嫌疑人阿坤（性别男，出生日期不详，住址安平市辛集镇和平路9号）执行拘留，送安平市北塘区看守所羁押。\n"
            "安平市公安局北塘分局（印）\n二〇二四年四月十五日\n本证已于2024年4月15日20时向我宣布。被拘留人：阿坤（捺指印）\n=====\n"
            "拘留通知书\n宋坤家属：\n我局已于2024年4月15日20时将涉嫌开设赌场罪的宋坤刑事拘留，现羁押在安平市北塘区看守所。\n"
            "安平市公安局北塘分局（印）\n二〇二四年四月十六日\n=====\n起诉意见书\n犯罪嫌疑人宋坤，男，1995年2月3日出生。\n"
            f"{telling}\n安平市公安局北塘分局（印）\n二〇二四年六月一日\n")
    result = audit_text(text)
    assert {e.person for e in result.case.events if e.action == "刑事拘留"} == {"宋坤"}
    assert not [f.rule_id for f in result.findings if f.rule_id in ("DETENTION-NOTICE-MISSING", "CONSISTENCY-NAME")]


def test_regression_a_warrants_stub_laid_out_as_a_grid_is_not_a_second_act_without_a_person() -> None:
    """Corpus aa (ind_aa04): a 拘留证 whose 存根 puts the name in a cell ("犯罪嫌疑人 林志强 性别 男") gave the detention twice,
    once to 林志强 and once to no one."""
    from auditor.pipeline import audit_text

    text = ("拘留证\n（存根）\n南港关缉私刑拘字〔2022〕第0011号\n犯罪嫌疑人 林志强 性别 男\n出生日期 1981年10月8日 住址 南港市渔湾镇东港村45号\n"
            "拘留原因 涉嫌走私普通货物罪 批准人 分局局长 梁启明\n批准时间 2022年3月1日\n- - - - - 骑缝线 - - - - -\n拘留证\n"
            "南港关缉私刑拘字〔2022〕第0011号\n兹决定对犯罪嫌疑人林志强（性别男，出生日期1981年10月8日）执行拘留，送南港市看守所羁押。\n"
            "江海海关缉私局南港分局（印）\n二〇二二年三月一日\n=====\n拘留证\n兹决定对犯罪嫌疑人林志坚（性别男，出生日期1978年5月16日）执行拘留。\n"
            "二〇二二年三月二日\n")
    detained = {(e.person, iso(e.date)) for e in audit_text(text).case.events if e.action == "刑事拘留"}
    assert detained == {("林志强", "2022-03-01"), ("林志坚", "2022-03-02")}


def test_an_appraisal_is_the_cases_act() -> None:
    """51 of 56 labelled 鉴定 in the independent corpora are the case's (an injury, a sum, a substance), whoever the
    report names: the 鉴定 of a 鉴定意见书 concerns no one suspect."""
    from auditor.pipeline import audit_text

    text = ("某司法鉴定所\n司法会计鉴定意见书\n某鉴〔2023〕会字第219号\n委托单位：某分局\n鉴定意见：犯罪嫌疑人吴某峰、许某收取保证金412万元。\n"
            "鉴定人：葛某 2023年9月28日\n=====\n起诉意见书\n犯罪嫌疑人吴某峰，男，1978年5月1日出生。犯罪嫌疑人许某，女，1980年2月2日出生。\n"
            "某分局\n2023年11月20日\n")
    appraisals = {(e.person, e.date.isoformat()) for e in audit_text(text).case.events if e.action == "鉴定"}
    assert appraisals == {(None, "2023-09-28")}


def test_a_request_naming_a_decision_by_its_number_is_that_decisions_persons() -> None:
    """Regression (ind_am06): a 要求复议意见书 against 黄某's 不起诉决定 (named by its 文号) that names a co-suspect in its
    reasons was also read as a request about the co-suspect's decision, and REVIEW-REQUEST-LATE fired twice."""
    from auditor.pipeline import audit_text

    decision = ("东平市东城区人民检察院\n不起诉决定书\n东东检刑不诉〔2023〕{n}号\n被不起诉人{who}，男，1990年1月1日出生。\n"
                "本院认为，{who}犯罪情节轻微，依据《中华人民共和国刑事诉讼法》第一百七十七条第二款的规定，决定对{who}不起诉。\n"
                "东平市东城区人民检察院\n{day}\n=====\n")
    text = (decision.format(n=31, who="黄某杰", day="2023年8月7日") + decision.format(n=32, who="黄某", day="2023年8月10日")
            + "东平市公安局东城分局\n要求复议意见书\n东东公（法）复议字〔2023〕0825号\n东平市东城区人民检察院：\n"
            "你院于2023年8月10日以东东检刑不诉〔2023〕32号不起诉决定书决定对黄某不起诉，我局于2023年8月11日收到。我局认为，"
            "同案人黄某杰指认黄某参与殴打，证据确实、充分，要求你院复议。\n东平市公安局东城分局\n2023年8月16日\n")
    case = audit_text(text).case
    assert {e.person for e in case.events if e.action == "要求复议"} == {"黄某"}


STATED_DAY_CASES = [
    # regression (ind_a15, ind_c16): the recount runs from the day the other crime was found, which the notice states
    ("犯罪嫌疑人马某的侦查羁押期限自2022年4月2日起重新计算。", {("重新计算侦查羁押期限", "2022-04-02", "马某")}),
    # a notice that states no day is the act of its own date
    ("决定对犯罪嫌疑人马某重新计算侦查羁押期限。", {("重新计算侦查羁押期限", "2022-04-06", "马某")}),
]


@pytest.mark.parametrize("text,expected", STATED_DAY_CASES, ids=[c[0][:14] for c in STATED_DAY_CASES])
def test_an_act_takes_the_day_its_document_states(text: str, expected: set[tuple[str, str, str]]) -> None:
    doc = _doc("变更羁押期限通知书\n" + text, "变更羁押期限通知书", "2022-04-06", title="变更羁押期限通知书")
    assert {(e.action, iso(e.date), e.person) for e in find_events(doc, ["马某"])} == expected


def test_regression_a_decision_addressed_to_one_of_two_suspects_with_her_details_in_a_bracket_is_hers() -> None:
    """Held-out ind_fd05: "韦某娜（性别女，出生日期…，公民身份号码…）：我局正在办理蒋某辉、韦某娜诈骗案…对你指定居所监视居住" is her
    measure, not the first-named suspect's (whose custody it would have ended)."""
    from auditor.pipeline import audit_text

    text = ("逮捕证\n兹决定对涉嫌诈骗罪的蒋某辉（性别男，出生日期1990年2月3日）执行逮捕。\n聚源市公安局南湖分局（印）\n二〇二三年四月十二日\n=====\n"
            "指定居所监视居住决定书\n聚公南（刑）监居字〔2023〕0008号\n韦某娜（性别女，出生日期1996年10月3日，公民身份号码452723199610032480）：\n"
            "我局正在办理蒋某辉、韦某娜诈骗案，因犯罪嫌疑人韦某娜在本市无固定住处，决定在本局指定的居所（南湖区桃源路22号）对你指定居所监视居住，"
            "自2023年5月6日起执行。\n聚源市公安局南湖分局（印）\n二〇二三年五月六日\n")
    events = audit_text(text).case.events
    assert {(e.action, e.person) for e in events if e.action == "指定居所监视居住"} == {("指定居所监视居住", "韦某娜")}



def test_regression_a_request_introducing_one_suspect_is_his_though_its_facts_name_the_gang() -> None:
    """Held-out ind_fz03: each 提请批准逮捕书 opens with the one suspect it asks for ("邵春兰（女，…）"), its facts name
    the whole gang: the request is that suspect's alone."""
    from auditor.pipeline import audit_text

    facts = "经依法侦查查明：犯罪嫌疑人莫国华经营棋牌室组织他人赌博；犯罪嫌疑人邵春兰负责收取抽头款，犯罪嫌疑人柯勇负责望风。\n"
    text = "".join(
        f"拘留证\n兹决定对涉嫌开设赌场罪的犯罪嫌疑人{n}执行拘留，送潭溪县看守所羁押。\n潭溪县公安局（印）\n二〇二四年二月二十二日\n=====\n"
        for n in ("莫国华", "邵春兰", "柯勇"))
    text += (f"提请批准逮捕书\n邵春兰（女，1982年5月28日生），无业。\n邵春兰于2024年2月22日被我局刑事拘留。\n{facts}"
             "特提请批准逮捕。\n潭溪县公安局（印）\n二〇二四年二月二十四日\n=====\n"
             f"提请批准逮捕书\n莫国华（男，1970年9月3日生），个体经营。\n莫国华于2024年2月22日被我局刑事拘留。\n{facts}"
             "特提请批准逮捕。\n潭溪县公安局（印）\n二〇二四年三月十八日\n")
    asked = {(iso(e.date), e.person) for e in audit_text(text).case.events if e.action == "提请批准逮捕"}
    assert asked == {("2024-02-24", "邵春兰"), ("2024-03-18", "莫国华")}


def test_regression_a_return_of_the_whole_case_named_across_a_line_break_is_every_suspects() -> None:
    """Held-out ind_gb07: "退回补充侦查" of "石某红等人盗窃、掩饰、隐\\n瞒犯罪所得案" returns the whole case; the two suspects
    its reasons name are not the only ones it stops the clock of."""
    from auditor.pipeline import audit_text

    text = ("起诉意见书\n犯罪嫌疑人石永红，男，1990年1月1日出生。\n犯罪嫌疑人龙啸天，男，2006年5月1日出生。\n"
            "犯罪嫌疑人吴金妹，女，1970年3月1日出生。\n现将此案移送审查起诉。\n桐岭县公安局（印）\n二〇二四年四月八日\n=====\n"
            "退回补充侦查决定书\n桐岭县公安局：\n你局移送审查起诉的石永红等人盗窃、掩饰、隐\n瞒犯罪所得案，本院于2024年4月8日收到。"
            "经审查认为，石永红分赃情况及吴金妹收购价格的证据需补充。决定将此案退回你局补充侦查。\n"
            "桐岭县人民检察院（院印）\n二〇二四年四月二十六日\n")
    returned = {e.person for e in audit_text(text).case.events if e.action == "退回补充侦查"}
    assert returned == {"石永红", "龙啸天", "吴金妹"}


@pytest.mark.parametrize(
    ("line_end", "person"),
    [
        # held-out ind_gw03: the request the approval answers, its suspect on the next line after a role word
        ("提请批准逮捕书提请批准逮捕", "许振东"),
        # a line ending in a stop keeps its role-word line a sentence of its own: the request names nobody
        ("提请批准逮捕书提请批准逮捕。", None),
    ],
)
def test_regression_an_act_ending_a_wrapped_line_takes_the_suspect_named_on_the_next(line_end: str, person: str | None
                                                                                     ) -> None:
    from auditor.pipeline import audit_text

    text = ("批准逮捕决定书\n宁川市公安局东湖分局：\n你局于2024年4月8日以宁东公（经）提捕字〔2024〕59号" + line_end + "\n"
            "犯罪嫌疑人许振东，经本院审查认为，该犯罪嫌疑人涉嫌职务侵占罪，符合逮捕条件，决定批准逮捕犯罪嫌疑人许振东。\n"
            "宁川市东湖区人民检察院（印）\n二〇二四年四月十五日\n=====\n"
            "起诉意见书\n犯罪嫌疑人许振东，男，1980年1月1日出生。\n犯罪嫌疑人唐某某，男，1981年1月1日出生。\n2024年5月1日\n")
    requested = {e.person for e in audit_text(text).case.events if e.action == "提请批准逮捕"}
    assert requested == {person}


def test_regression_a_remark_of_the_same_approval_takes_the_act_on_the_others_it_names() -> None:
    """Held-out ind_gw09: "（同一审批延长葛某雨拘留期限至…）" under a notice extending 孟某超's detention extends hers too."""
    from auditor.pipeline import audit_text

    text = ("延长拘留期限通知书\n临新公（经）延拘字〔2024〕135号\n临江市新城区看守所：\n"
            "因本案涉及六十余名客户，属特殊情况，根据《刑事诉讼法》第九十一条第一款之规定，决定对涉嫌职务侵占罪的孟凡超"
            "延长拘留期限至2024年6月27日。\n临江市公安局新城分局（印）\n二〇二四年六月二十二日\n"
            "（同一审批延长葛晓雨拘留期限至2024年6月27日）\n=====\n"
            "起诉意见书\n犯罪嫌疑人孟凡超，男，1983年2月17日出生。\n犯罪嫌疑人葛晓雨，女，1994年11月8日出生。\n"
            "犯罪嫌疑人符宇航，男，1995年1月1日出生。\n2024年8月1日\n")
    extended = {(e.person, iso(e.date)) for e in audit_text(text).case.events if e.action == "延长拘留期限"}
    assert extended == {("孟凡超", "2024-06-22"), ("葛晓雨", "2024-06-22")}


def test_regression_a_report_opened_by_one_suspect_is_his_though_its_reasons_name_his_partners() -> None:
    """Held-out ind_hg01: "犯罪嫌疑人邵国平，因涉嫌开设赌场罪于前被我局刑事拘留。理由：邵国平伙同吕小燕、田建伟结伙作案…" extends his
    detention, not his partners'."""
    from auditor.pipeline import audit_text

    text = ("呈请延长拘留期限报告书\n犯罪嫌疑人邵国平，因涉嫌开设赌场罪于前被我局刑事拘留。\n"
            "理由：邵国平伙同吕小燕、田建伟结伙作案，系结伙作案、多次作案的重大嫌疑分子。\n"
            "根据《中华人民共和国刑事诉讼法》第九十一条第二款之规定，拟将提请审查批准逮捕的时间延长至三十日。\n"
            "办案部门：青湾市东岭区公安局治安管理大队  2023年3月9日\n=====\n"
            "起诉意见书\n犯罪嫌疑人邵国平，男，1980年1月1日出生。\n犯罪嫌疑人吕小燕，女，1985年1月1日出生。\n"
            "犯罪嫌疑人田建伟，男，1990年1月1日出生。\n2023年5月1日\n")
    extended = {e.person for e in audit_text(text).case.events if e.action == "延长拘留期限"}
    assert extended == {"邵国平"}
