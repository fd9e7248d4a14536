"""Synthetic plans for the benchmark: realistic appendices of any size, with progress reports.

Nothing is copied from a real plan. Task texts are composed from a vocabulary of verbs, objects,
beneficiaries and purposes in several domains (tín dụng chính sách, nông nghiệp, y tế, giáo dục,
chuyển đổi số…), 15 to 150 words long like real appendices, some with a list (``items:``), some
with *emphasis*. A plan has 6–12 sections with long titles, about one unit per 20 tasks (some of
them groups with members), ten deliverable kinds, the schedules thuong-xuyen and hang-nam, due
dates by quarter, month, day or year (and cells with none), heading tasks over sub-items a, b, c,
and for a share of tasks a few progress reports (some ``example: true``). The same size and seed
always give the same files.

    python bench/generate.py 1000 /tmp/ke-hoach-1000   # writes plan.yaml and updates/ there
"""

from __future__ import annotations

import argparse
import calendar
import datetime as dt
import random
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

REFERENCE_DATE = dt.date(2025, 10, 15)  # the benchmark's reference date (SOURCE_DATE_EPOCH 1760486400)
PLAN_DATE = dt.date(2025, 6, 20)
ROMANS = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]
SUB_LETTERS = "abcd"


class NoAliases(yaml.SafeDumper):
    """Every repeated value is written out in full: the project refuses YAML aliases in plan files."""

    def ignore_aliases(self, data: object) -> bool:
        return True


def dump(data: Any) -> str:
    return yaml.dump(data, Dumper=NoAliases, allow_unicode=True, sort_keys=False, width=200)


def slug(text: str) -> str:
    folded = unicodedata.normalize("NFD", text.lower().replace("đ", "d"))
    folded = "".join(c for c in folded if unicodedata.category(c) != "Mn")
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-")


# ---------------------------------------------------------------- vocabulary


@dataclass(frozen=True)
class Domain:
    topic: str  # what a section title is about
    objects: tuple[str, ...]
    beneficiaries: tuple[str, ...]


DOMAINS = (
    Domain(
        "công tác tín dụng chính sách xã hội",
        ("nguồn vốn tín dụng chính sách xã hội", "hoạt động của các Tổ tiết kiệm và vay vốn",
         "việc bình xét cho vay công khai tại thôn", "nợ quá hạn, nợ khó đòi và các khoản vay đến hạn",
         "nguồn vốn ngân sách địa phương ủy thác qua Ngân hàng Chính sách xã hội",
         "hoạt động giao dịch tại Điểm giao dịch xã", "danh sách hộ nghèo, hộ cận nghèo có nhu cầu vay vốn",
         "chương trình cho vay hỗ trợ tạo việc làm, duy trì và mở rộng việc làm",
         "chương trình cho vay nước sạch và vệ sinh môi trường nông thôn"),
        ("hộ nghèo, hộ cận nghèo và hộ mới thoát nghèo", "người lao động đi làm việc ở nước ngoài theo hợp đồng",
         "học sinh, sinh viên có hoàn cảnh khó khăn", "đồng bào dân tộc thiểu số ở các thôn vùng cao",
         "người chấp hành xong án phạt tù"),
    ),
    Domain(
        "sản xuất nông nghiệp, xây dựng nông thôn mới",
        ("mô hình sản xuất nông nghiệp hữu cơ, nông nghiệp tuần hoàn", "cơ cấu cây trồng, vật nuôi phù hợp với từng vùng",
         "vùng trồng keo, quế tập trung gắn với chế biến", "công tác phòng, chống dịch bệnh trên gia súc, gia cầm",
         "hoạt động của các hợp tác xã, tổ hợp tác nông nghiệp", "sản phẩm OCOP của xã",
         "hệ thống kênh mương nội đồng và công trình thủy lợi nhỏ", "chuỗi liên kết sản xuất và tiêu thụ nông sản"),
        ("nông dân", "các hộ sản xuất giỏi", "thành viên hợp tác xã", "hộ đồng bào dân tộc thiểu số"),
    ),
    Domain(
        "chăm sóc sức khỏe Nhân dân và công tác y tế cơ sở",
        ("hồ sơ sức khỏe điện tử", "bảo hiểm y tế toàn dân", "công tác tiêm chủng mở rộng",
         "công tác phòng, chống sốt xuất huyết và các bệnh truyền nhiễm", "khám sức khỏe định kỳ",
         "chăm sóc dinh dưỡng, phòng chống suy dinh dưỡng", "an toàn thực phẩm tại các bếp ăn tập thể"),
        ("người cao tuổi", "trẻ em dưới 6 tuổi", "phụ nữ mang thai và bà mẹ nuôi con nhỏ", "người khuyết tật"),
    ),
    Domain(
        "phát triển giáo dục và đào tạo, khuyến học, khuyến tài",
        ("phổ cập giáo dục mầm non cho trẻ em 5 tuổi", "cơ sở vật chất, trang thiết bị dạy học",
         "phong trào khuyến học, khuyến tài, xây dựng xã hội học tập", "tình trạng học sinh bỏ học giữa chừng",
         "bữa ăn bán trú cho học sinh", "thư viện trường học và văn hóa đọc", "công tác hướng nghiệp, phân luồng học sinh"),
        ("học sinh", "giáo viên và cán bộ quản lý giáo dục", "cha mẹ học sinh", "trẻ em có hoàn cảnh đặc biệt"),
    ),
    Domain(
        "chuyển đổi số, phát triển chính quyền số và xã hội số",
        ("dịch vụ công trực tuyến toàn trình", "thanh toán không dùng tiền mặt", "ứng dụng định danh điện tử VNeID",
         "hoạt động của các Tổ công nghệ số cộng đồng", "hạ tầng mạng Internet băng rộng đến các thôn",
         "hệ thống quản lý văn bản và điều hành", "chữ ký số cho cán bộ, công chức", "an toàn thông tin mạng"),
        ("người dân", "cán bộ, công chức xã", "hộ kinh doanh", "người cao tuổi chưa quen dùng điện thoại thông minh"),
    ),
    Domain(
        "cải cách hành chính, nâng cao chất lượng phục vụ người dân và doanh nghiệp",
        ("thủ tục hành chính tại Bộ phận Một cửa", "chỉ số hài lòng của người dân đối với sự phục vụ của cơ quan hành chính",
         "kỷ luật, kỷ cương hành chính", "số hóa hồ sơ, kết quả giải quyết thủ tục hành chính",
         "việc niêm yết công khai thủ tục hành chính", "việc tiếp nhận, xử lý phản ánh, kiến nghị"),
        ("người dân và doanh nghiệp", "tổ chức, cá nhân có thủ tục hành chính", "cán bộ, công chức làm việc tại Bộ phận Một cửa"),
    ),
    Domain(
        "bảo vệ môi trường, phòng, chống thiên tai và ứng phó với biến đổi khí hậu",
        ("công tác thu gom, xử lý rác thải sinh hoạt", "nguồn nước sạch nông thôn", "cây xanh dọc các tuyến đường liên thôn",
         "bao bì thuốc bảo vệ thực vật sau sử dụng", "phương án phòng, chống thiên tai và tìm kiếm cứu nạn",
         "các điểm có nguy cơ sạt lở đất, lũ quét"),
        ("hộ gia đình", "các hộ sống ở vùng có nguy cơ sạt lở", "các cơ sở sản xuất, kinh doanh"),
    ),
    Domain(
        "văn hóa, thông tin và an sinh xã hội",
        ("thiết chế văn hóa, thể thao ở thôn", "phong trào Toàn dân đoàn kết xây dựng đời sống văn hóa",
         "chính sách đối với người có công với cách mạng", "chính sách bảo trợ xã hội",
         "hệ thống truyền thanh cơ sở", "giá trị văn hóa truyền thống của đồng bào các dân tộc"),
        ("người có công với cách mạng", "đối tượng bảo trợ xã hội", "trẻ em có hoàn cảnh đặc biệt",
         "nghệ nhân và các đội văn nghệ"),
    ),
    Domain(
        "quốc phòng, an ninh và trật tự an toàn xã hội",
        ("phong trào toàn dân bảo vệ an ninh Tổ quốc", "công tác tuyển chọn và gọi công dân nhập ngũ",
         "trật tự an toàn giao thông", "công tác phòng, chống tội phạm và tệ nạn ma túy",
         "lực lượng tham gia bảo vệ an ninh, trật tự ở cơ sở"),
        ("thanh niên trong độ tuổi nhập ngũ", "người dân", "các tổ bảo vệ an ninh, trật tự"),
    ),
)

VERBS = (
    "Tổ chức", "Triển khai thực hiện", "Rà soát, đánh giá", "Tuyên truyền, phổ biến", "Kiểm tra, giám sát", "Hướng dẫn",
    "Xây dựng và nhân rộng", "Củng cố, kiện toàn", "Đẩy mạnh", "Nâng cao chất lượng", "Tổng hợp, báo cáo", "Vận động",
    "Huy động nguồn lực cho", "Theo dõi, đôn đốc", "Quán triệt và cụ thể hóa", "Đa dạng hóa hình thức", "Phát huy vai trò của",
    "Chỉ đạo thực hiện tốt", "Lồng ghép", "Cập nhật đầy đủ",
)
SECTION_VERBS = (
    "Nâng cao hiệu quả", "Tăng cường sự lãnh đạo, chỉ đạo đối với", "Đổi mới phương thức thực hiện", "Huy động nguồn lực cho",
    "Nâng cao vai trò, trách nhiệm của các cơ quan, đơn vị trong", "Tăng cường công tác kiểm tra, giám sát",
)
PLACES = ("trên địa bàn xã", "tại các thôn", "ở các thôn vùng đồng bào dân tộc thiểu số", "tại trụ sở Ủy ban nhân dân xã",
          "ở khu dân cư", "tại các điểm sinh hoạt cộng đồng")
MANNERS = ("kịp thời, đúng đối tượng", "công khai, minh bạch", "định kỳ hằng quý", "có trọng tâm, trọng điểm",
           "bảo đảm đúng quy định của pháp luật", "thiết thực, hiệu quả, tránh hình thức")
PURPOSES = (
    "nhằm nâng cao nhận thức và trách nhiệm của cán bộ, đảng viên và Nhân dân",
    "bảo đảm công khai, minh bạch và đúng quy định",
    "góp phần thực hiện thắng lợi mục tiêu giảm nghèo bền vững",
    "đáp ứng yêu cầu phát triển kinh tế - xã hội của địa phương trong giai đoạn mới",
    "tạo chuyển biến rõ nét về nhận thức và hành động",
    "kịp thời phát hiện, tháo gỡ khó khăn, vướng mắc phát sinh",
    "từng bước thu hẹp khoảng cách giữa các thôn",
    "phấn đấu hoàn thành các chỉ tiêu Nghị quyết Đại hội Đảng bộ xã đề ra",
)
LINKS = ("gắn với", "trong đó ưu tiên", "đồng thời chú trọng", "kết hợp với", "trước hết là", "nhất là")
DOCUMENTS = (
    "Chỉ thị số 39-CT/TW của Ban Bí thư", "Quyết định số 1560/QĐ-TTg của Thủ tướng Chính phủ",
    "Nghị quyết số 57-NQ/TW của Bộ Chính trị", "Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn 2021 - 2025",
    "Bộ tiêu chí quốc gia về xã nông thôn mới nâng cao", "Luật Phòng, chống thiên tai",
)
SLOGANS = ("Vì người nghèo", "Ngày Chủ nhật xanh", "Mỗi xã một sản phẩm", "Chuyển đổi số là của người dân, vì người dân",
           "Toàn dân đoàn kết xây dựng đời sống văn hóa", "Nói không với thực phẩm bẩn")

# Units: (name, short, aliases, group) for the commune's own bodies; then bodies of each village.
AGENCIES = (
    ("Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã", "Văn phòng HĐND-UBND", ["Văn phòng HĐND và UBND xã"], "phong-ban"),
    ("Phòng Văn hóa - Xã hội", "Phòng Văn hóa - Xã hội", ["Phòng Văn hoá-Xã hội"], "phong-ban"),
    ("Hội Liên hiệp Phụ nữ xã", "Hội Phụ nữ", [], "doan-the"),
    ("Trạm Y tế xã", "Trạm Y tế", [], "phong-ban"),
    ("Công an xã", "Công an xã", [], None),
    ("Phòng giao dịch Ngân hàng Chính sách xã hội khu vực", "Ngân hàng CSXH", ["Ngân hàng Chính sách xã hội"], None),
    ("Hội Nông dân xã", "Hội Nông dân", [], "doan-the"),
    ("Phòng Kinh tế", "Phòng Kinh tế", ["Phòng Kinh tế xã"], "phong-ban"),
    ("Ban Chỉ huy Quân sự xã", "Quân sự xã", [], None),
    ("Ủy ban Mặt trận Tổ quốc Việt Nam xã", "Ủy ban MTTQ xã", ["Uỷ ban Mặt trận Tổ quốc xã", "UBMTTQVN xã"], None),
    ("Hội Cựu chiến binh xã", "Hội Cựu chiến binh", [], "doan-the"),
    ("Đoàn Thanh niên Cộng sản Hồ Chí Minh xã", "Đoàn Thanh niên", ["Đoàn TNCS Hồ Chí Minh xã"], "doan-the"),
    ("Bưu điện văn hóa xã", "Bưu điện xã", ["Bưu điện văn hoá xã"], None),
    ("Trung tâm Phục vụ hành chính công xã", "Trung tâm PVHCC", [], "phong-ban"),
)
VILLAGE_BODIES = (
    ("Trường Mầm non {p}", "MN {p}", "truong-hoc"),
    ("Trường Tiểu học {p}", "TH {p}", "truong-hoc"),
    ("Ban Công tác Mặt trận thôn {p}", "BCTMT {p}", "ban-cong-tac-mat-tran"),
    ("Tổ tiết kiệm và vay vốn thôn {p}", "Tổ TK&VV {p}", "to-tiet-kiem"),
    ("Tổ công nghệ số cộng đồng thôn {p}", "Tổ CNS {p}", "to-cong-nghe-so"),
    ("Chi hội Nông dân thôn {p}", "CHND {p}", "doan-the"),
)
VILLAGES = (
    "Gò Da", "Làng Rêu", "Nước Lăng", "Tà Gầm", "Đồng Ruộng", "Trà Bung", "Suối Đá", "Kon Dốc", "Hà Bắc", "Nước Xoay",
    "Làng Mạ", "Gò Chè", "Đồng Xoài", "Nước Nia", "Tà Lơ", "Hố Mít", "Làng Trui", "Xà Ây", "Dầu Lăng", "Bãi Màu",
    "Nước Tiên", "Đồng Găng", "Gò Bồi", "Hóc Nhiêu", "Làng Vố", "Trà Nga", "Nước Vương", "Gò Nghêu", "Làng Trăng", "Đá Bàn",
    "Suối Lương", "Vực Liêm", "Nà Niêng", "Làng Ren", "Tà Xùy", "Nước Đang", "Gò Rô", "Đồng Dinh", "Mang Nà", "Ra Manh",
)
GROUPS = {
    "phong-ban": ("Các phòng, ban, đơn vị thuộc Ủy ban nhân dân xã", "Các phòng, ban UBND xã",
                  ["các cơ quan, đơn vị thuộc UBND xã"]),
    "doan-the": ("Các tổ chức chính trị - xã hội", "Tổ chức chính trị - xã hội", ["các đoàn thể chính trị - xã hội"]),
    "truong-hoc": ("Các trường học trên địa bàn xã", "Các trường học", ["các trường học"]),
    "ban-cong-tac-mat-tran": ("Ban Công tác Mặt trận các thôn", "Ban CTMT các thôn", []),
    "to-tiet-kiem": ("Các Tổ tiết kiệm và vay vốn", "Các Tổ TK&VV", ["Tổ TK&VV"]),
    "to-cong-nghe-so": ("Các Tổ công nghệ số cộng đồng", "Các Tổ CNS cộng đồng", []),
}

KINDS = {  # id: (name, wordings a cell uses)
    "ke-hoach": ("Kế hoạch", ["kế hoạch", "kế hoạch triển khai", "kế hoạch phổ biến, tuyên truyền"]),
    "bao-cao": ("Báo cáo", ["báo cáo", "báo cáo kết quả", "báo cáo đánh giá định kỳ", "báo cáo sơ kết, tổng kết"]),
    "van-ban-chi-dao": ("Văn bản chỉ đạo, hướng dẫn", ["văn bản chỉ đạo", "văn bản hướng dẫn", "văn bản triển khai"]),
    "tin-bai": ("Tin bài, phóng sự", ["tin bài, phóng sự", "tin bài trên hệ thống truyền thanh"]),
    "quyet-dinh": ("Quyết định", ["quyết định", "quyết định kiện toàn", "quyết định khen thưởng"]),
    "to-trinh": ("Tờ trình", ["tờ trình"]),
    "hoi-nghi": ("Hội nghị, lớp tập huấn", ["hội nghị", "lớp tập huấn", "hội nghị quán triệt"]),
    "co-so-du-lieu": ("Cơ sở dữ liệu, phần mềm", ["cơ sở dữ liệu", "phần mềm quản lý", "dữ liệu được cập nhật"]),
    "mo-hinh": ("Mô hình điểm", ["mô hình điểm", "mô hình được nhân rộng"]),
    "danh-sach": ("Danh sách", ["danh sách", "danh sách đối tượng thụ hưởng"]),
}
QUARTERS = ("I", "II", "III", "IV")
STATUSES = ("chua-bat-dau", "dang-thuc-hien", "hoan-thanh")  # the usual course of a task; a few end paused or dropped
REPORT_NOTES = (
    "Đã tổ chức {n} buổi tuyên truyền tại các thôn, có {m} lượt người tham dự.",
    "Đã rà soát {m} hồ sơ; còn {n} hồ sơ chờ bổ sung giấy tờ.",
    "Đã ban hành kế hoạch; đang phân công cán bộ phụ trách từng thôn.",
    "Hoàn thành {n} trên {m} chỉ tiêu; các chỉ tiêu còn lại chuyển sang quý sau.",
    "Chờ hướng dẫn của cấp trên về nguồn kinh phí thực hiện.",
    "Đã cập nhật dữ liệu của {m} hộ vào phần mềm; tỷ lệ đạt {n}%.",
)


# ---------------------------------------------------------------- composing


@dataclass
class Composer:
    rng: random.Random

    def pick(self, options: tuple[str, ...] | list[str]) -> str:
        return self.rng.choice(options)

    def target_words(self) -> int:
        """Real appendices: mostly 15–60 words, some long paragraphs up to 150."""
        r = self.rng.random()
        low, high = (15, 30) if r < 0.4 else (30, 60) if r < 0.75 else (60, 100) if r < 0.93 else (100, 150)
        return self.rng.randint(low, high)

    def clause(self, domain: Domain, first: bool) -> str:
        r = self.rng.random()
        obj, who = self.pick(domain.objects), self.pick(domain.beneficiaries)
        if first:
            verb = self.pick(VERBS)
            return f"{verb} {obj} {self.pick(PLACES)}" + (f" cho {who}" if r < 0.5 else "")
        if r < 0.3:
            return self.pick(PURPOSES)
        if r < 0.5:
            return f"{self.pick(LINKS)} {obj} đối với {who}"
        if r < 0.65:
            return f"{self.pick(VERBS).lower()} {obj} {self.pick(MANNERS)}"
        if r < 0.8:
            return f"theo đúng tinh thần của {self.document()}"
        return f"bảo đảm {who} được tiếp cận {obj} {self.pick(MANNERS)}"

    def document(self) -> str:
        if self.rng.random() < 0.5:
            return self.pick(DOCUMENTS)
        n = self.rng.randint(12, 320)
        return f"Kế hoạch số {n}/KH-UBND ngày {self.rng.randint(1, 28)}/{self.rng.randint(1, 12)}/2025 của Ủy ban nhân dân tỉnh"

    def sentence(self, domain: Domain, words: int) -> str:
        parts = [self.clause(domain, True)]
        count = len(parts[0].split())
        while count < words:
            part = self.clause(domain, False)
            if count + len(part.split()) > min(150, words + 12):
                break
            if part in parts:
                continue
            parts.append(part)
            count += len(part.split())
        text = parts[0]
        for part in parts[1:]:
            text += self.pick(("; ", ", ")) + part
        if self.rng.random() < 0.12:  # emphasis: a slogan or a document title in italics, as appendices quote them
            text += f", hưởng ứng phong trào *{self.pick(SLOGANS)}*"
        return text + "."

    def content(self, domain: Domain) -> list[Any]:
        words = self.target_words()
        if self.rng.random() < 0.15 and words >= 40:  # an introduction and a list
            items = [self.sentence(domain, self.rng.randint(8, 25)) for _ in range(self.rng.randint(2, 5))]
            while len(items) > 2 and sum(len(i.split()) for i in items) > words - 15:
                items.pop()
            intro = self.sentence(domain, max(8, words - sum(len(i.split()) for i in items)))
            return [intro[:-1] + ", gồm:", {"items": items}]
        return [self.sentence(domain, words)]


def quarter_end(year: int, quarter: int) -> dt.date:
    month = quarter * 3
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def schedule_cell(rng: random.Random) -> dict[str, Any]:
    r = rng.random()
    year = rng.choice((2025, 2026, 2026, 2027))
    if r < 0.3:
        return {"text": "Thường xuyên", "kinds": ["thuong-xuyen"]}
    if r < 0.45:
        return {"text": rng.choice(("Hằng năm", "Hàng năm")), "kinds": ["hang-nam"]}
    if r < 0.5:
        return {"text": "Thường xuyên, hằng năm", "kinds": ["thuong-xuyen", "hang-nam"]}
    if r < 0.65:
        q = rng.randint(3, 4) if year == 2025 else rng.randint(1, 4)
        return {"text": f"Quý {QUARTERS[q - 1]}/{year}", "kinds": [], "due": quarter_end(year, q), "due_precision": "quarter"}
    if r < 0.77:
        m = rng.randint(8, 12) if year == 2025 else rng.randint(1, 12)
        due = dt.date(year, m, calendar.monthrange(year, m)[1])
        return {"text": f"Tháng {m}/{year}", "kinds": [], "due": due, "due_precision": "month"}
    if r < 0.87:
        due = dt.date(year, rng.randint(8, 12) if year == 2025 else rng.randint(1, 12), rng.choice((10, 15, 20, 25, 30)) - 5)
        text = f"Trước ngày {due.day}/{due.month}/{due.year}"
        if rng.random() < 0.3:
            return {"text": f"Hằng năm, hoàn thành {text.lower()}", "kinds": ["hang-nam"], "due": due, "due_precision": "day"}
        return {"text": text, "kinds": [], "due": due, "due_precision": "day"}
    if r < 0.92:
        return {"text": f"Năm {year}", "kinds": [], "due": dt.date(year, 12, 31), "due_precision": "year"}
    return {"text": rng.choice(("Giai đoạn 2026 - 2030", "Năm học 2025 - 2026", "Theo kế hoạch của tỉnh")), "kinds": []}


# ---------------------------------------------------------------- units


def make_units(count: int, rng: random.Random) -> list[dict[str, Any]]:
    """``count`` units: a few groups (kind: group) and agencies that belong to them (member_of)."""
    groups = min(len(GROUPS), max(2, count // 10))
    group_ids = list(GROUPS)[:groups]
    agencies: list[dict[str, Any]] = []
    for name, short, aliases, group in AGENCIES:
        agencies.append({"id": slug(short), "name": name, "short": short, "kind": "agency",
                         "member_of": [group] if group in group_ids else [], "aliases": aliases})
    for village in VILLAGES:
        for name, short, group in VILLAGE_BODIES:
            full = name.format(p=village)
            agencies.append({"id": slug(full), "name": full, "short": short.format(p=village), "kind": "agency",
                             "member_of": [group] if group in group_ids else [], "aliases": []})
    units = agencies[: count - groups] + [
        {"id": g, "name": GROUPS[g][0], "short": GROUPS[g][1], "kind": "group", "member_of": [], "aliases": GROUPS[g][2]}
        for g in group_ids
    ]
    return units


def unit_cell(units: list[dict[str, Any]], rng: random.Random) -> dict[str, Any]:
    names = [rng.choice([u["name"], *u["aliases"]]) for u in units]
    text = names[0] if len(names) == 1 else ", ".join(names[:-1]) + rng.choice((" và ", "; ", ", ")) + names[-1]
    return {"text": text, "units": [u["id"] for u in units]}


# ---------------------------------------------------------------- the plan


def generate_plan(tasks: int, seed: int = 1) -> dict[str, Any]:
    """A plan with exactly ``tasks`` tasks (headings and sub-items included)."""
    rng = random.Random(f"{seed}-{tasks}")
    words = Composer(rng)
    units = make_units(max(8, round(tasks / 20)), rng)
    agencies = [u for u in units if u["kind"] == "agency"]
    groups = [u for u in units if u["kind"] == "group"]

    section_count = rng.randint(6, 12)
    domains = rng.sample(DOMAINS, min(section_count, len(DOMAINS)))
    domains += rng.sample(DOMAINS, section_count - len(domains))
    weights = [rng.uniform(0.5, 1.5) for _ in range(section_count)]
    sizes = [max(3, int(tasks * w / sum(weights))) for w in weights]
    sizes[-1] += tasks - sum(sizes)

    def cells() -> dict[str, Any]:
        r = rng.random()
        lead = [rng.choice(groups)] if r < 0.15 else rng.sample(agencies, 2) if r < 0.3 else [rng.choice(agencies)]
        others = [u for u in units if u not in lead]
        coordinating = rng.sample(others, rng.choice((0, 1, 1, 2, 2, 3)))
        kinds = rng.sample(list(KINDS), rng.choice((1, 1, 2, 2, 3)))
        wording = ", ".join(rng.choice(KINDS[k][1]) for k in kinds)
        return {
            "lead": unit_cell(lead, rng),
            "coordinating": unit_cell(coordinating, rng) if coordinating else {"text": "", "units": []},
            "deliverable": {"text": wording[0].upper() + wording[1:], "kinds": kinds},
            "schedule": schedule_cell(rng),
        }

    sections = []
    for roman, domain, size in zip(ROMANS, domains, sizes, strict=False):
        items: list[dict[str, Any]] = []
        number = 0
        while len(items) < size:
            number, left = number + 1, size - len(items)
            task_id = f"{roman}.{number}"
            if left >= 4 and rng.random() < 0.08:
                intro = words.sentence(domain, rng.randint(10, 30))[:-1] + ":"
                items.append({"id": task_id, "number": str(number), "content": [intro], "heading": True})
                for letter in SUB_LETTERS[: min(left - 1, rng.randint(2, 4))]:
                    items.append({"id": f"{task_id}.{letter}", "number": letter, "content": words.content(domain), **cells()})
            else:
                items.append({"id": task_id, "number": str(number), "content": words.content(domain), **cells()})
        title = f"{rng.choice(SECTION_VERBS)} {domain.topic}; {rng.choice(PURPOSES)}"
        sections.append({"id": roman, "title": title, "tasks": items})

    return {
        "plan": {
            "title": "Nhiệm vụ triển khai các chương trình phát triển kinh tế - xã hội của xã Hòa Phong "
                     f"({tasks} nhiệm vụ, bản thử)",
            "source_label": "Phụ lục",
            "source_title": "NHIỆM VỤ TRIỂN KHAI KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM 2025 "
                            "VÀ GIAI ĐOẠN 2026 - 2030 CỦA XÃ HÒA PHONG",
            "source_attachment": "(Kèm theo Kế hoạch số 95/KH-UBND ngày 20/6/2025 của Ủy ban nhân dân xã Hòa Phong)",
            "issuer": "Ủy ban nhân dân xã Hòa Phong",
            "province": "tỉnh Bình Sơn",
            "number": "95/KH-UBND",
            "date": PLAN_DATE,
            "topic": "phát triển kinh tế - xã hội",
            "summary": [
                "Kế hoạch giả lập để đo hiệu năng dựng trang: xã Hòa Phong và tỉnh Bình Sơn là tên bịa, "
                "các nhiệm vụ được ghép từ một bộ từ vựng.",
                "Mỗi nhiệm vụ ghi rõ đơn vị chủ trì, đơn vị phối hợp, sản phẩm và thời gian thực hiện.",
            ],
            "legal_bases": [
                {"id": "qd-1560-qd-ttg", "title": "Quyết định số 1560/QĐ-TTg ngày 18/7/2025 của Thủ tướng Chính phủ",
                 "number": "1560/QĐ-TTg", "date": dt.date(2025, 7, 18), "issuer": "Thủ tướng Chính phủ"},
                {"id": "ct-39-ct-tw", "title": "Chỉ thị số 39-CT/TW của Ban Bí thư", "number": "39-CT/TW",
                 "issuer": "Ban Bí thư"},
            ],
            "source_columns": ["STT", "NỘI DUNG NHIỆM VỤ", "ĐƠN VỊ CHỦ TRÌ", "ĐƠN VỊ PHỐI HỢP", "SẢN PHẨM",
                               "THỜI GIAN THỰC HIỆN"],
        },
        "units": units,
        "deliverable_kinds": [{"id": k, "name": name, "aliases": []} for k, (name, _) in KINDS.items()],
        "schedules": [{"id": "thuong-xuyen", "name": "Thường xuyên", "aliases": []},
                      {"id": "hang-nam", "name": "Hằng năm", "aliases": ["hàng năm"]}],
        "sections": sections,
    }


# ---------------------------------------------------------------- progress reports


def generate_updates(plan: dict[str, Any], seed: int = 1, share: float = 0.3,
                     reference: dt.date = REFERENCE_DATE) -> dict[str, dict[str, Any]]:
    """Report files by name: a few reports on about ``share`` of the tasks, each by a unit that takes part."""
    rng = random.Random(f"{seed}-updates-{len(plan['sections'])}")
    members: dict[str, list[str]] = {}
    for unit in plan["units"]:
        for group in unit["member_of"]:
            members.setdefault(group, []).append(unit["id"])
    span = (reference - dt.date(2025, 7, 1)).days
    files: dict[str, dict[str, Any]] = {}
    for section in plan["sections"]:
        for task in section["tasks"]:
            if task.get("heading") or rng.random() >= share:
                continue
            named = task["lead"]["units"] + task["coordinating"]["units"]
            takers = [m for u in named for m in members.get(u, [u])]
            unit = rng.choice(takers[:2] if rng.random() < 0.7 else takers)
            days = sorted(rng.sample(range(span), rng.randint(1, 4)))
            stage = rng.randint(0, 1)
            for step, day in enumerate(days):
                date = dt.date(2025, 7, 1) + dt.timedelta(days=day)
                stage = min(stage + rng.randint(0, 1), len(STATUSES) - 1) if step else stage
                status = STATUSES[stage]
                if step == len(days) - 1 and rng.random() < 0.08:
                    status = rng.choice(("tam-dung", "khong-thuc-hien"))
                example = rng.random() < 0.4
                note = rng.choice(REPORT_NOTES).format(n=rng.randint(2, 12), m=rng.randint(20, 400))
                report: dict[str, Any] = {"task": task["id"], "date": date, "status": status, "unit": unit,
                                          "note": f"(Mẫu) {note}" if example else note}
                if status in ("tam-dung", "khong-thuc-hien"):
                    report["reason"] = "Chưa được bố trí kinh phí; chờ ý kiến của Ủy ban nhân dân xã."
                if rng.random() < 0.3:
                    n = rng.randint(10, 300)
                    report["evidence"] = {"number": f"{n}/BC-UBND", "title": "Báo cáo kết quả thực hiện nhiệm vụ",
                                          "link": f"https://example.org/hoa-phong/{n}-bc-ubnd.pdf"}
                if example:
                    report["example"] = True
                files[f"{date:%Y-%m-%d}-{task['id'].lower().replace('.', '-')}-{unit}.yaml"] = report
    return files


def write_plan(folder: Path, tasks: int, seed: int = 1) -> Path:
    """plan.yaml and updates/ in ``folder`` (the layout of a test fixture, which tests/helpers.copy_project takes)."""
    plan = generate_plan(tasks, seed)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "plan.yaml").write_text(dump(plan), encoding="utf-8")
    updates = folder / "updates"
    updates.mkdir(exist_ok=True)
    for name, report in generate_updates(plan, seed).items():
        (updates / name).write_text(dump(report), encoding="utf-8")
    return folder


def task_text_bytes(plan: dict[str, Any]) -> int:
    """The plan's task text: UTF-8 bytes of every task's content (paragraphs and list items) and cell texts."""
    total = 0
    for section in plan["sections"]:
        for task in section["tasks"]:
            for block in task["content"]:
                total += sum(len(s.encode()) for s in ([block] if isinstance(block, str) else block["items"]))
            total += sum(len(task.get(cell, {}).get("text", "").encode())
                         for cell in ("lead", "coordinating", "deliverable", "schedule"))
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description="Sinh kế hoạch giả lập (plan.yaml và updates/) để đo hiệu năng.")
    parser.add_argument("tasks", type=int, help="số nhiệm vụ")
    parser.add_argument("folder", type=Path, help="thư mục ghi ra")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    write_plan(args.folder, args.tasks, args.seed)
    print(f"{args.folder}/plan.yaml, {args.folder}/updates/")


if __name__ == "__main__":
    main()
