"""Table-driven tests of the temporal tagger: (text, publication date, surface, type, value, mod).

type None means the surface must NOT be (part of) a DATE/TIME/DURATION/SET mention.
Publication dates: P = a day-precise date (Saturday 2026-02-14), M = month only ("2026-02").
"""

from __future__ import annotations

import time
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.dates import bench_throughput, precision, split_sentences, tag_dates
from pipeline.model import Sentence

P = "2026-02-14"
M = "2026-02"
D, T, DUR, SET = "DATE", "TIME", "DURATION", "SET"

CASES = [
    # ---- western years: half-width, full-width, kanji (positional and with units)
    ("2025年に合意した", P, "2025年", D, "2025", ""),
    ("２０２５年に合意した", P, "２０２５年", D, "2025", ""),  # full-width digits, not NFKC'd
    ("二〇二五年に合意した", P, "二〇二五年", D, "2025", ""),
    ("二千二十五年に合意した", P, "二千二十五年", D, "2025", ""),  # positional kanji
    ("一九四五年八月十五日に終戦", P, "一九四五年八月十五日", D, "1945-08-15", ""),
    ("1945年8月15日に終戦した", P, "1945年8月15日", D, "1945-08-15", ""),
    ("2026年 2月 石館", M, "2026年 2月", D, "2026-02", ""),  # dateline: space inside
    ("2026年２月１４日付", P, "2026年２月１４日", D, "2026-02-14", ""),
    ("794年に平安京へ遷都した", P, "794年", D, "0794", ""),  # three-digit year
    ("1990年生まれの記者", P, "1990年", D, "1990", ""),  # 生まれ is a birth date, not 2年生
    ("2020年に", P, "2020年", D, "2020", ""),
    ("1991年、ソ連が解体した", P, "1991年", D, "1991", ""),
    ("2025/12/05に公表", P, "2025/12/05", D, "2025-12-05", ""),
    ("2025-12-05に公表", P, "2025-12-05", D, "2025-12-05", ""),
    ("2025.12.5に公表", P, "2025.12.5", D, "2025-12-05", ""),
    ("１２月２５日に", P, "１２月２５日", D, "2025-12-25", ""),  # full-width, past by default
    # ---- Japanese eras
    ("令和元年5月1日に即位", P, "令和元年5月1日", D, "2019-05-01", ""),
    ("平成31年4月30日に退位", P, "平成31年4月30日", D, "2019-04-30", ""),
    ("昭和64年1月7日", P, "昭和64年1月7日", D, "1989-01-07", ""),
    ("明治元年に改元", P, "明治元年", D, "1868", ""),
    ("大正12年9月1日の関東大震災", P, "大正12年9月1日", D, "1923-09-01", ""),
    ("令和七年に", P, "令和七年", D, "2025", ""),
    ("平成三十一年に", P, "平成三十一年", D, "2019", ""),
    ("令和7年度予算", P, "令和7年度", D, "FY2025", ""),
    ("R7年度の計画", P, "R7年度", D, "FY2025", ""),
    ("H31に改正された", P, "H31", D, "2019", ""),
    ("R7.4.1から施行", P, "R7.4.1", D, "2025-04-01", ""),
    ("S64に", P, "S64", D, "1989", ""),
    ("H3ロケットの打ち上げ", P, "H3", None, None, None),  # rocket name, not Heisei 3
    ("H2Aロケット", P, "H2", None, None, None),
    # ---- two-digit years in running text
    ("夫が20年に拘束された", P, "20年", D, "2020", ""),
    ("25年12月に釈放した", P, "25年12月", D, "2025-12", ""),
    ("98年に独立した", P, "98年", D, "1998", ""),
    ("27年に開業する", P, "27年", D, "2027", ""),  # publication year + 1 is still 20YY
    ("30年に設立された", P, "30年", D, "1930", ""),  # later than pub + 1 -> 19YY
    ("30年までに半減させる目標", P, "30年", D, "2030", ""),  # odd: future target allows 2030
    ("20年の選挙", P, "20年", D, "2020", ""),
    ("05年に", P, "05年", D, "2005", ""),
    # ---- durations (never calendar dates)
    ("20年間続いた", P, "20年間", DUR, "P20Y", ""),
    ("20年ぶりに再開", P, "20年ぶり", DUR, "P20Y", ""),
    ("過去20年で最高", P, "過去20年", DUR, "P20Y", ""),
    ("築20年の住宅", P, "築20年", DUR, "P20Y", ""),
    ("20年にわたり支配した", P, "20年", DUR, "P20Y", ""),  # にわたり is looked at, not taken
    ("20年以上続く", P, "20年以上", DUR, "P20Y", ""),
    ("約20年続いた", P, "約20年", DUR, "P20Y", "APPROX"),
    ("3日間の日程", P, "3日間", DUR, "P3D", ""),
    ("3カ月にわたり", P, "3カ月", DUR, "P3M", ""),
    ("3ヶ月後に", P, "3ヶ月後", D, "2026-05", ""),
    ("2時間半の会談", P, "2時間半", DUR, "PT2.5H", ""),
    ("1年半ぶりの来日", P, "1年半ぶり", DUR, "P1.5Y", ""),
    ("半世紀にわたって", P, "半世紀", DUR, "P50Y", ""),
    ("半年後に", P, "半年", DUR, "P6M", ""),
    ("数年にわたる交渉", P, "数年", DUR, "PXY", ""),
    ("三年間の任期", P, "三年間", DUR, "P3Y", ""),
    ("2週間の滞在", P, "2週間", DUR, "P2W", ""),
    ("3時間の会談", P, "3時間", DUR, "PT3H", ""),
    ("10分間の演説", P, "10分間", DUR, "PT10M", ""),
    ("5日連続で下落", P, "5日連続", DUR, "P5D", ""),
    ("四半世紀ぶり", P, "四半世紀", DUR, "P25Y", ""),
    ("この10年で倍増", P, "この10年", DUR, "P10Y", ""),
    ("長年、依存してきた", P, "長年", DUR, "PXY", ""),  # vague, allowed as DURATION
    # ---- sets
    ("毎年開かれる", P, "毎年", SET, "P1Y", ""),
    ("毎月の会合", P, "毎月", SET, "P1M", ""),
    ("毎日の訓練", P, "毎日", SET, "P1D", ""),
    ("毎年8月に開かれる", P, "毎年8月", SET, "XXXX-08", ""),
    ("毎月1日に公表", P, "毎月1日", SET, "XXXX-XX-01", ""),
    ("毎週月曜に会合", P, "毎週月曜", SET, "XXXX-WXX-1", ""),
    ("年2回開催する", P, "年2回", SET, "P1Y", ""),
    ("隔年で開催", P, "隔年", SET, "P2Y", ""),
    ("毎日新聞によると", P, "毎日", None, None, None),  # newspaper name
    # ---- ranges: one mention, value = start
    ("2020〜21年に交渉", P, "2020〜21年", D, "2020", ""),
    ("2020~2021年に", P, "2020~2021年", D, "2020", ""),
    ("3〜5日に開催した", P, "3〜5日", D, "2026-02-03", ""),
    ("1945年2月から4月まで", P, "1945年2月から4月", D, "1945-02", ""),
    ("2月3〜5日に", P, "2月3〜5日", D, "2026-02-03", ""),
    ("2020年4月〜21年3月", P, "2020年4月〜21年3月", D, "2020-04", ""),
    ("3日から5日まで開いた", P, "3日から5日", D, "2026-02-03", ""),
    ("2019年から高官が訪れた", P, "2019年", D, "2019", ""),  # から + non-date: no range
    ("10〜12月期の決算", P, "10〜12月", D, "2025-10", ""),
    # ---- weekdays
    ("10日（火）に発表した", P, "10日（火）", D, "2026-02-10", ""),
    ("10日(火)に発表した", P, "10日(火)", D, "2026-02-10", ""),
    ("31日（土）に開いた", P, "31日（土）", D, "2026-01-31", ""),  # weekday picks January
    ("火曜日に会談した", P, "火曜日", D, "2026-02-10", ""),
    ("2月5日（木）", P, "2月5日（木）", D, "2026-02-05", ""),
    # ---- times
    ("5日午前9時に開始", P, "5日午前9時", T, "2026-02-05T09:00", ""),
    ("5日（木）午後3時に", P, "5日（木）午後3時", T, "2026-02-05T15:00", ""),
    ("午前9時に開始", "2026", "午前9時", T, "T09:00", ""),  # day unknown: time only
    ("午前9時に開始", P, "午前9時", T, "2026-02-14T09:00", ""),  # day from publication
    ("15時30分に", M, "15時30分", T, "T15:30", ""),
    ("午後3時半に", M, "午後3時半", T, "T15:30", ""),
    ("正午に", M, "正午", T, "T12:00", ""),
    ("5日夜に", P, "5日夜", T, "2026-02-05TNI", ""),
    ("5日未明に", P, "5日未明", T, "2026-02-05TNI", ""),
    ("5日朝、", P, "5日朝", T, "2026-02-05TMO", ""),
    ("同日午後", P, "同日午後", T, "2026-02-14TAF", ""),  # no discourse: publication day
    ("一時停止した", P, "一時", None, None, None),  # 一時 = temporarily
    ("十分な説明", P, "十分", None, None, None),  # 十分 = enough
    # ---- parts of periods
    ("4月中旬に", "2026-05", "4月中旬", D, "2026-04", "MID"),
    ("4月上旬に", "2026-05", "4月上旬", D, "2026-04", "START"),
    ("4月初旬に", "2026-05", "4月初旬", D, "2026-04", "START"),
    ("4月下旬に", "2026-05", "4月下旬", D, "2026-04", "END"),
    ("4月初めに", "2026-05", "4月初め", D, "2026-04", "START"),
    ("4月半ばに", "2026-05", "4月半ば", D, "2026-04", "MID"),
    ("4月末に", "2026-05", "4月末", D, "2026-04", "END"),
    ("4月末ごろ", "2026-05", "4月末ごろ", D, "2026-04", "END"),
    ("4月ごろ", "2026-05", "4月ごろ", D, "2026-04", "APPROX"),
    ("5日ごろ", P, "5日ごろ", D, "2026-02-05", "APPROX"),
    ("2020年末に", P, "2020年末", D, "2020", "END"),
    ("2020年初めに", P, "2020年初め", D, "2020", "START"),
    ("2020年の初めに", P, "2020年の初め", D, "2020", "START"),
    ("2020年半ば", P, "2020年半ば", D, "2020", "MID"),
    ("2020年前半", P, "2020年前半", D, "2020", "START"),
    ("2020年後半", P, "2020年後半", D, "2020", "END"),
    ("今年初めて訪れた", P, "今年", D, "2026", ""),  # 初めて = for the first time, not 初め
    ("年末に", P, "年末", D, "2025", "END"),  # past: last December
    ("年末までに決める方針", "2026-06", "年末", D, "2026", "END"),
    ("年初に", P, "年初", D, "2026", "START"),
    ("年始に", P, "年始", D, "2026-01", "START"),
    ("年明けに", P, "年明け", D, "2026-01", "START"),
    ("年明けにも", "2025-11-20", "年明け", D, "2026-01", "START"),  # nearest occurrence
    ("昨年末に", P, "昨年末", D, "2025", "END"),
    ("今月末に", P, "今月末", D, "2026-02", "END"),
    ("来月上旬", P, "来月上旬", D, "2026-03", "START"),
    ("1990年代に", P, "1990年代", D, "199X", ""),
    ("90年代に", P, "90年代", D, "199X", ""),
    ("2020年代", P, "2020年代", D, "202X", ""),
    ("1990年代前半", P, "1990年代前半", D, "199X", "START"),
    ("20世紀に", P, "20世紀", D, "19XX", ""),
    ("二十世紀に", P, "二十世紀", D, "19XX", ""),
    ("21世紀", P, "21世紀", D, "20XX", ""),
    ("20世紀末", P, "20世紀末", D, "19XX", "END"),
    ("今世紀", P, "今世紀", D, "20XX", ""),
    ("2025年第3四半期", P, "2025年第3四半期", D, "2025-Q3", ""),
    ("2025年度上半期", P, "2025年度上半期", D, "FY2025", "START"),
    # ---- seasons
    ("2020年春に", P, "2020年春", D, "2020-SP", ""),
    ("2020年の秋", P, "2020年の秋", D, "2020-FA", ""),
    ("今夏", P, "今夏", D, "2026-SU", ""),
    ("昨秋", P, "昨秋", D, "2025-FA", ""),
    ("来春", P, "来春", D, "2027-SP", ""),
    ("今冬", P, "今冬", D, "2025-WI", ""),  # February: the winter that began in December
    ("今年の夏", P, "今年の夏", D, "2026-SU", ""),
    ("春闘が始まった", P, "春", None, None, None),  # wage talks, not spring
    # ---- fiscal years
    ("2025年度", P, "2025年度", D, "FY2025", ""),
    ("25年度", P, "25年度", D, "FY2025", ""),
    ("今年度", P, "今年度", D, "FY2025", ""),  # February is still FY2025
    ("今年度", "2026-05-01", "今年度", D, "FY2026", ""),
    ("来年度", P, "来年度", D, "FY2026", ""),
    ("昨年度", P, "昨年度", D, "FY2024", ""),
    # ---- relative to the publication date
    ("今年", P, "今年", D, "2026", ""),
    ("昨年", P, "昨年", D, "2025", ""),
    ("去年", P, "去年", D, "2025", ""),
    ("一昨年", P, "一昨年", D, "2024", ""),
    ("来年", P, "来年", D, "2027", ""),
    ("再来年", P, "再来年", D, "2028", ""),
    ("昨年12月", P, "昨年12月", D, "2025-12", ""),
    ("今月", P, "今月", D, "2026-02", ""),
    ("先月", P, "先月", D, "2026-01", ""),
    ("先月", "2026-01-10", "先月", D, "2025-12", ""),  # crosses the year
    ("来月", P, "来月", D, "2026-03", ""),
    ("今月5日", P, "今月5日", D, "2026-02-05", ""),
    ("今週", P, "今週", D, "2026-W07", ""),
    ("先週", P, "先週", D, "2026-W06", ""),
    ("来週", P, "来週", D, "2026-W08", ""),
    ("今日", P, "今日", D, "2026-02-14", ""),
    ("昨日", P, "昨日", D, "2026-02-13", ""),
    ("一昨日", P, "一昨日", D, "2026-02-12", ""),
    ("明日", P, "明日", D, "2026-02-15", ""),
    ("あすから", P, "あす", D, "2026-02-15", ""),
    ("3日前", P, "3日前", D, "2026-02-11", ""),
    ("5年前", P, "5年前", D, "2021", ""),
    ("20年前", P, "20年前", D, "2006", ""),  # 20 years ago, not 2020
    ("2カ月前", P, "2カ月前", D, "2025-12", ""),
    ("10年後", P, "10年後", D, "2036", ""),
    ("3日後", P, "3日後", D, "2026-02-17", ""),
    ("約10年前", P, "約10年前", D, "2016", "APPROX"),
    ("今朝", P, "今朝", T, "2026-02-14TMO", ""),
    ("今夜", P, "今夜", T, "2026-02-14TNI", ""),
    ("昨夜", P, "昨夜", T, "2026-02-13TNI", ""),
    ("昨日午後3時", P, "昨日午後3時", T, "2026-02-13T15:00", ""),
    ("ある日", P, "ある日", D, "XXXX-XX-XX", ""),  # vague
    ("近年は", P, "近年", D, "PAST_REF", ""),  # vague
    # ---- discourse: the nearest preceding dated statement
    ("2020年8月に選挙があった。同月には抗議が広がった。", P, "同月", D, "2020-08", ""),
    ("2020年8月に選挙があった。同年には抗議が広がった。", P, "同年", D, "2020", ""),
    ("2020年8月に選挙があった。翌年には抗議が広がった。", P, "翌年", D, "2021", ""),
    ("2020年8月に選挙があった。前年には抗議が広がった。", P, "前年", D, "2019", ""),
    ("2020年8月に選挙があった。翌月には抗議が広がった。", P, "翌月", D, "2020-09", ""),
    ("2020年8月9日に選挙。翌日に抗議が起きた。", P, "翌日", D, "2020-08-10", ""),
    ("2020年8月9日に選挙。同日夜に抗議が起きた。", P, "同日夜", T, "2020-08-09TNI", ""),
    ("1991年に独立した。その2年後に加盟した。", P, "その2年後", D, "1993", ""),
    ("2020年にはロシアと交渉した。4月には合意した。", P, "4月", D, "2020-04", ""),
    ("2020年8月に選挙があり、9日に投票した", P, "9日", D, "2020-08-09", ""),
    ("2020年に選挙があった。当時は混乱した。", P, "当時", D, "2020", ""),  # vague, low confidence
    ("2020年に交渉した。\n3月に合意した。", "2026-05", "3月", D, "2026-03", ""),  # new paragraph
    ("同年4月に", P, "同年4月", D, "2026-04", ""),  # nothing before: publication year, low conf
    # ---- publication rule: the past unless the sentence marks the future
    ("11月に開催した", M, "11月", D, "2025-11", ""),
    ("11月に開催する予定だ", M, "11月", D, "2026-11", ""),
    ("1月に開催した", M, "1月", D, "2026-01", ""),
    ("2月に開いた", M, "2月", D, "2026-02", ""),
    ("1月に開催する予定", "2026-05", "1月", D, "2027-01", ""),
    ("12月に首脳会談を開く方針だ", M, "12月", D, "2026-12", ""),
    ("5日に会談した", "2026-02-03", "5日", D, "2026-01-05", ""),
    ("5日に会談する予定", "2026-02-03", "5日", D, "2026-02-05", ""),
    ("20日に会談した", M, "20日", D, "2026-02-20", ""),
    ("十二月八日に", P, "十二月八日", D, "2025-12-08", ""),
    ("一月に", P, "一月", D, "2026-01", ""),
    # ---- named days (holidays per 国民の祝日に関する法律 and customary days)
    ("元日に", P, "元日", D, "2026-01-01", ""),
    ("元旦に", P, "元旦", D, "2026-01-01", ""),
    ("大晦日に", P, "大晦日", D, "2025-12-31", ""),
    ("1990年の体育の日", P, "1990年の体育の日", D, "1990-10-10", ""),
    ("2010年の体育の日", P, "2010年の体育の日", D, "2010-10-11", ""),  # Happy Monday
    ("2025年のスポーツの日", P, "2025年のスポーツの日", D, "2025-10-13", ""),
    ("2021年のスポーツの日", P, "2021年のスポーツの日", D, "2021-07-23", ""),  # Olympics year
    ("2026年の春分の日", P, "2026年の春分の日", D, "2026-03-20", ""),
    ("2025年の秋分の日", P, "2025年の秋分の日", D, "2025-09-23", ""),
    ("成人の日に", P, "成人の日", D, "2026-01-12", ""),
    ("建国記念の日に", P, "建国記念の日", D, "2026-02-11", ""),
    ("天皇誕生日に", P, "天皇誕生日", D, "2025-02-23", ""),  # 2026-02-23 is still ahead
    ("2025年の海の日", P, "2025年の海の日", D, "2025-07-21", ""),
    ("文化の日に", P, "文化の日", D, "2025-11-03", ""),
    ("クリスマスに", P, "クリスマス", D, "2025-12-25", ""),
    ("お盆に", P, "お盆", D, "2025-08", "MID"),
    # ---- named periods, as ranges
    ("江戸時代に", P, "江戸時代", D, "1603/1868", ""),
    ("明治時代", P, "明治時代", D, "1868-10-23/1912-07-29", ""),
    ("戦前の日本", P, "戦前", D, "1926-12-25/1945-08-15", ""),
    ("戦後の復興", P, "戦後", D, "1945-08-15/..", ""),  # open: ends at publication
    ("冷戦期に", P, "冷戦期", D, "1947-03-12/1991-12-26", ""),
    ("ソ連時代の", P, "ソ連時代", D, "1922-12-30/1991-12-26", ""),
    ("昭和初期", P, "昭和初期", D, "1926/1989", "START"),
    ("選挙戦後に", P, "戦後", None, None, None),  # 選挙戦 + 後, not post-war
    ("ウクライナ戦後の秩序", P, "戦後", None, None, None),
    # ---- more news idioms
    ("この日、会談した", P, "この日", D, "2026-02-14", ""),  # no earlier day: publication
    ("2020年8月9日に選挙。この日、抗議が起きた。", P, "この日", D, "2020-08-09", ""),
    ("年内に決める", P, "年内", D, "2026", ""),
    ("1000年に一度の豪雨", P, "1000年", DUR, "P1000Y", ""),  # odd: a return period, not a year
    ("午前零時に", P, "午前零時", T, "2026-02-14T00:00", ""),
    ("5・6日に開いた", P, "5・6日", D, "2026-02-05", ""),  # two days written with ・
    ("1〜3月期の決算", P, "1〜3月", D, "2026-01", ""),
    ("11日（水・祝）に", P, "11日（水・祝）", D, "2026-02-11", ""),
    ("ここ数日", P, "ここ数日", DUR, "PXD", ""),
    ("十数年前から", P, "十数年前", D, "PAST_REF", ""),  # vague count: vague value
    ("数十年にわたり", P, "数十年", DUR, "PXY", ""),
    ("2026年2月14日 土曜日午後3時", P, "2026年2月14日 土曜日午後3時", T, "2026-02-14T15:00", ""),
    ("来年春に", P, "来年春", D, "2027-SP", ""),
    ("今月中旬に", P, "今月中旬", D, "2026-02", "MID"),
    ("同9日に", P, "9日", D, "2026-02-09", ""),  # 同 + day: same month; the day is the mention
    ("1年後に", P, "1年後", D, "2027", ""),
    ("1カ月後", P, "1カ月後", D, "2026-03", ""),
    ("約1カ月", P, "約1カ月", DUR, "P1M", "APPROX"),
    ("2011年3月11日の東日本大震災", P, "2011年3月11日", D, "2011-03-11", ""),
    ("令和6年能登半島地震", P, "令和6年", D, "2024", ""),
    ("19年度決算", P, "19年度", D, "FY2019", ""),
    ("00年に", P, "00年", D, "2000", ""),
    ("昨年秋", P, "昨年秋", D, "2025-FA", ""),
    ("2020年の東京五輪", P, "2020年", D, "2020", ""),
    ("20年東京五輪", P, "20年", D, "2020", ""),
    ("1945年以降", P, "1945年", D, "1945", ""),
    ("20年来の友人", P, "20年来", DUR, "P20Y", ""),
    ("2020年来日した", P, "2020年", D, "2020", ""),  # 来日 = visit Japan, not 年来
    ("3月11日", P, "3月11日", D, "2025-03-11", ""),  # after pub day: last year
    ("2月14日付", P, "2月14日", D, "2026-02-14", ""),
    ("4〜6月に", P, "4〜6月", D, "2025-04", ""),  # past: last year's April
    ("今年初めに", P, "今年初め", D, "2026", "START"),
    ("きょうだい", P, "きょう", None, None, None),  # siblings, not today
    ("5000年前の遺跡", P, "5000年", None, None, None),
    ("31日の本会議で可決する見通し", "2020-06-15", "31日", D, "2020-07-31", ""),  # June has no 31st
    ("31日に可決した", "2020-06-15", "31日", D, "2020-05-31", ""),
    ("十六日の卒業式", "2020-03-20", "十六日", D, "2020-03-16", ""),  # kanji day from 十日 up
    ("10年ぐらい前に", P, "10年ぐらい前", D, "2016", "APPROX"),
    ("1967年製の車", P, "1967年", D, "1967", ""),  # production year
    ("今週末に", "2026-02-11", "今週末", D, "2026-W07-WE", ""),
    ("先週末", "2026-02-11", "先週末", D, "2026-W06-WE", ""),
    ("週末に開いた", "2026-02-11", "週末", D, "2026-W06-WE", ""),  # past: the last weekend
    ("、1996年の移転", P, "1996年", D, "1996", ""),  # comma before a year is not 1,996
    ("その年の暮れ", P, "その年の暮れ", D, "2026", "END"),
    ("紀元前2500年頃", P, "2500年", None, None, None),  # BC years are not handled
    ("なんてことしないよ", P, "ことし", None, None, None),  # inside こと+しない
    ("付けされている", P, "けさ", None, None, None),  # inside 付けされる
    ("きょう子氏", P, "きょう", None, None, None),  # a given name
    ("前週末比59円安", P, "前週", None, None, None),  # comparison base
    ("住所は1447-1", P, "1447-1", None, None, None),  # address, not a date
    ("20戦中19戦に騎乗", P, "戦中", None, None, None),  # 20 races, not wartime
    ("2020年2月3〜5日に", P, "2020年2月3〜5日", D, "2020-02-03", ""),
    ("2020年来の課題", P, "2020年", D, "2020", ""),  # 来 after a calendar year = since
    ("元日未明に", P, "元日未明", T, "2026-01-01TNI", ""),
    ("年末ごろ", P, "年末ごろ", D, "2025", "END"),
    ("2008-09シーズンは", P, "2008-09", D, "2008", ""),  # sports season across two years
    # ---- not dates
    ("チハノフスカヤは36歳", P, "36歳", None, None, None),
    ("1票を与えられた", P, "1票", None, None, None),
    ("2006年に三選を果たした", P, "三選", None, None, None),
    ("6選を果たした", P, "6選", None, None, None),
    ("世界第3位だ", P, "第3位", None, None, None),
    ("123人を釈放", P, "123人", None, None, None),
    ("80%の得票", P, "80%", None, None, None),
    ("ベラルーシ、米に接近（635号）", P, "635号", None, None, None),
    ("輸入の8割", P, "8割", None, None, None),
    ("1200人弱の政治犯", P, "1200人弱", None, None, None),
    ("10年物国債の利回り", P, "10年", None, None, None),  # bond maturity
    ("就任20年目の節目", P, "20年", None, None, None),  # ordinal year
    ("小学2年生", P, "2年", None, None, None),  # school grade
    ("1日あたり300人", P, "1日", None, None, None),  # per day
    ("一日も早く", P, "一日", None, None, None),
    ("前年比5%増", P, "前年", None, None, None),  # comparison base, not a date
    ("M7.3の地震", P, "M7.3", None, None, None),  # magnitude
    ("成長率は2020.4%", P, "2020.4", None, None, None),  # decimal number
    ("2つの世界遺産", P, "2つ", None, None, None),
    ("三首脳の取引", P, "三首脳", None, None, None),
    ("5年国債", P, "5年", None, None, None),  # one-digit year count is not a date
    ("日本と米国", P, "日本", None, None, None),
]


def _find(mentions, surface):
    for m in mentions:
        if m.text == surface:
            return m
    return None


@pytest.mark.parametrize("text,pub,surface,typ,value,mod", CASES)
def test_case(text, pub, surface, typ, value, mod):
    mentions = tag_dates(text, pub)
    if typ is None:
        start = text.index(surface)
        end = start + len(surface)
        hits = [m for m in mentions if m.start < end and start < m.end]
        assert not hits, f"{surface!r} should not be a date: {hits}"
        return
    m = _find(mentions, surface)
    assert m is not None, f"{surface!r} not found; got {[(x.text, x.value) for x in mentions]}"
    assert (m.type, m.value, m.mod) == (typ, value, mod), m


RANGES = [
    ("2020〜21年に", P, "2020〜21年", "2020-01-01", "2021-12-31"),
    ("3〜5日に開催した", P, "3〜5日", "2026-02-03", "2026-02-05"),
    ("1945年2月から4月まで", P, "1945年2月から4月", "1945-02-01", "1945-04-30"),
    ("2020年4月中旬", P, "2020年4月中旬", "2020-04-11", "2020-04-20"),
    ("2020年4月下旬", P, "2020年4月下旬", "2020-04-21", "2020-04-30"),
    ("2024年2月末", P, "2024年2月末", "2024-02-21", "2024-02-29"),  # leap year
    ("2025年度", P, "2025年度", "2025-04-01", "2026-03-31"),
    ("2025年度上半期", P, "2025年度上半期", "2025-04-01", "2025-09-30"),
    ("1990年代", P, "1990年代", "1990-01-01", "1999-12-31"),
    ("1990年代前半", P, "1990年代前半", "1990-01-01", "1994-12-31"),
    ("20世紀", P, "20世紀", "1901-01-01", "2000-12-31"),
    ("2020年冬", P, "2020年冬", "2020-12-01", "2021-02-28"),
    ("2020年末", P, "2020年末", "2020-12-01", "2020-12-31"),
    ("今週", P, "今週", "2026-02-09", "2026-02-15"),
    ("江戸時代", P, "江戸時代", "1603-01-01", "1868-12-31"),
    ("戦後", P, "戦後", "1945-08-15", "2026-02-14"),
    ("年末年始", P, "年末年始", "2025-12-28", "2026-01-03"),
    ("2026年2月", P, "2026年2月", "2026-02-01", "2026-02-28"),
    ("2008-09シーズン", P, "2008-09", "2008-01-01", "2009-12-31"),
]


@pytest.mark.parametrize("text,pub,surface,rs,re_", RANGES)
def test_range(text, pub, surface, rs, re_):
    m = _find(tag_dates(text, pub), surface)
    assert m is not None
    assert (m.range_start, m.range_end) == (rs, re_)


ANCHORS = [
    ("2020年に", P, "2020年", "absolute"),
    ("昨年", P, "昨年", "publication"),
    ("2020年に交渉した。4月に合意した。", P, "4月", "discourse"),
    ("4月に合意した。", P, "4月", "publication"),
    ("2020年8月に選挙。同月に抗議。", P, "同月", "discourse"),
]


@pytest.mark.parametrize("text,pub,surface,anchor", ANCHORS)
def test_anchor(text, pub, surface, anchor):
    assert _find(tag_dates(text, pub), surface).anchor == anchor


def test_sentences_given_set_ids_and_paragraphs():
    text = "2020年に交渉した。4月に合意した。"
    sents = [Sentence(7, 0, 10, "body", 0), Sentence(8, 10, 18, "body", 1)]  # separate paragraphs
    got = {m.text: m for m in tag_dates(text, "2026-05", sents)}
    assert got["2020年"].sentence_id == 7
    assert got["4月"].sentence_id == 8
    assert got["4月"].value == "2026-04"  # another paragraph: publication, not discourse


def test_caption_dates_do_not_feed_the_body_thread():
    text = "ヤルタ会談 1945年2月\n同年、国連が発足した。"
    sents = [Sentence(0, 0, 13, "caption", 0), Sentence(1, 14, len(text), "body", 1)]
    got = _find(tag_dates(text, "2026-02", sents), "同年")
    assert got.value == "2026" and got.confidence < 0.5  # no body date before it


def test_split_sentences_paragraphs():
    sents = split_sentences("一文目。二文目。\n\n三文目")
    assert [s.text for s in sents] == ["一文目。", "二文目。", "三文目"]
    assert [s.paragraph for s in sents] == [0, 0, 2]


def test_precision():
    assert [precision(v) for v in ("2020", "FY2025", "2020-04", "2020-04-11T09:00", "P3D", "199X")] == [
        "year", "year", "month", "day", "", "",
    ]  # fmt: skip


def test_no_publication_date_does_not_crash():
    got = tag_dates("2020年4月に。昨年。5日に。", "")
    assert _find(got, "2020年4月").value == "2020-04"


def test_confidence_in_range_and_offsets():
    text = "2020年8月9日に選挙。翌日、同月、昨年、4月中旬、3〜5日、午前9時、毎年、20年間。"
    for m in tag_dates(text, P):
        assert 0.0 <= m.confidence <= 1.0
        assert text[m.start : m.end] == m.text
        assert m.anchor in ("absolute", "publication", "discourse")


HOSTILE = [
    "",
    "\n\n",
    "年月日",
    "0年0月0日",
    "99999年",
    "13月32日",
    "2月30日",
    "令和0年",
    "〜〜",
    "から",
    "第",
    "R",
    "H99999",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_strings(text):
    for m in tag_dates(text, P):
        assert text[m.start : m.end] == m.text
        assert m.value


def test_impossible_dates_are_dropped():
    assert _find(tag_dates("2月30日に", P), "2月30日") is None
    assert _find(tag_dates("13月に", P), "13月") is None


@settings(max_examples=200, deadline=None)
@given(
    st.text(
        alphabet="0123456789０１２年月日度代世紀〜から時分午前後間ぶり前同翌昨今来中旬末初め（火）。\n 令和元",
        max_size=40,
    )
)
def test_fuzz_offsets(text):
    for m in tag_dates(text, P):
        assert text[m.start : m.end] == m.text
        assert m.type in ("DATE", "TIME", "DURATION", "SET")


def _article_4000() -> str:
    """The sample article, NFKC'd and repeated up to 4,000 characters."""
    seed = Path(__file__).parent / "fixtures" / "dates" / "belarus_us_635.txt"
    body = unicodedata.normalize("NFKC", seed.read_text(encoding="utf-8"))
    return (body * (4000 // len(body) + 1))[:4000]


def test_speed_4000_char_article():
    text = _article_4000()
    tag_dates(text, M)
    best = min(_timed(text) for _ in range(5))
    assert best < 0.005, f"{best * 1000:.2f} ms"
    assert bench_throughput([text], published=M, repeat=3) > 800_000  # chars per second


def test_speed_dense_text():
    """Ten times the date density of a news article still stays near the budget."""
    para = "2020年のロシア産原油の価格交渉は4月中旬時点で正式にまとまらず、3月には合意した。25年12月には123人を釈放した。同氏は36歳で、20年間にわたり活動した。\n"
    text = (para * (4000 // len(para) + 1))[:4000]
    tag_dates(text, P)
    assert min(_timed(text) for _ in range(5)) < 0.010


def _timed(text):
    t0 = time.perf_counter()
    tag_dates(text, P)
    return time.perf_counter() - t0
