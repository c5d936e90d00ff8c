#!/usr/bin/env python3
"""Generates a synthetic national-scale Content/ tree for the dtisite benchmark.

63 provinces x 5 years x 8 pillars of DTI scores, 700 districts, 10,600 communes of VNeID rows,
2,000 Markdown documents of about 3 KB with headings, lists and links, 500 tasks.
Deterministic: the same arguments give the same files.
"""
import os
import random
import sys

PILLARS = [("nhan-thuc-so", "Nhận thức số"), ("the-che-so", "Thể chế số"), ("ha-tang-so", "Hạ tầng số"),
           ("nhan-luc-so", "Nhân lực số"), ("an-toan-thong-tin-mang", "An toàn thông tin mạng"),
           ("chinh-quyen-so", "Hoạt động chính quyền số"), ("kinh-te-so", "Hoạt động kinh tế số"),
           ("xa-hoi-so", "Hoạt động xã hội số")]
WORDS = ("chuyển đổi số hạ tầng dữ liệu nền tảng dịch vụ công trực tuyến người dân doanh nghiệp "
         "chính quyền kinh tế xã hội kỹ năng an toàn thông tin mạng cáp quang điện toán đám mây "
         "định danh điện tử thanh toán không dùng tiền mặt kế hoạch nhiệm vụ mục tiêu").split()


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def sentence(rng, n):
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def markdown_document(rng, i):
    parts = [f"---\ntitle: Văn bản số {i}\nsummary: {sentence(rng, 12)}\nnumber: {i}/KH-UBND\n"
             f"issued: 2024-{1 + i % 12:02d}-{1 + i % 28:02d}\nissuer: UBND tỉnh\n---\n"]
    size = 0
    section = 0
    while size < 3000:
        section += 1
        block = f"\n## Mục {section}: {sentence(rng, 5)}\n\n{sentence(rng, 30)} {sentence(rng, 25)}\n\n"
        block += "".join(f"- {sentence(rng, 8)} [Xem thêm](/tru-cot/{rng.choice(PILLARS)[0]}/)\n" for _ in range(4))
        block += f"\n{sentence(rng, 20)} **{rng.choice(WORDS)}** và *{rng.choice(WORDS)}*.\n"
        parts.append(block)
        size += len(block.encode("utf-8"))
    return "".join(parts)


def main(root):
    rng = random.Random(20251120)
    content = os.path.join(root, "Content")
    provinces = [f"Tỉnh {i:02d}" for i in range(1, 64)]
    provinces[11] = "Lai Châu"
    regions = ["Trung du và miền núi phía Bắc", "Đồng bằng sông Hồng", "Bắc Trung Bộ và Duyên hải miền Trung",
               "Tây Nguyên", "Đông Nam Bộ", "Đồng bằng sông Cửu Long"]
    write(os.path.join(content, "site.toml"),
          'title = "Chuyển đổi số quốc gia (thử tải)"\ndescription = "Bộ dữ liệu tổng hợp để đo tốc độ"\n'
          'base_url = "https://example.gov.vn/cds/"\nlanguage = "vi"\nas_of = 2025-11-20\nunit = "Lai Châu"\n'
          'peer_group = "Trung du và miền núi phía Bắc"\n'
          # 719 charts: their PNG copies would take 12 s of a first build (reused afterwards); the
          # benchmark measures the generator, README's PNG figures measure the drawing.
          'chart_png = false\n')
    units = ["slug,name,level,parent,region"]
    for i, name in enumerate(provinces):
        slug = "lai-chau" if name == "Lai Châu" else f"tinh-{i + 1:02d}"
        units.append(f"{slug},{name},province,,{regions[i % 6]}")
    districts = []
    for d in range(700):
        province = provinces[d % 63]
        pslug = "lai-chau" if province == "Lai Châu" else f"tinh-{d % 63 + 1:02d}"
        name = f"Huyện {d + 1:03d}"
        districts.append((name, province))
        units.append(f"huyen-{d + 1:03d},{name},district,{pslug},")
    write(os.path.join(content, "data", "units.csv"), "\n".join(units) + "\n")

    header = "year,group,unit,rank,index," + ",".join(p for p, _ in PILLARS)
    rows = [header]
    for year in range(2020, 2025):
        scores = sorted(((round(rng.uniform(0.3, 0.9), 4), name) for name in provinces), reverse=True)
        rank = 0
        previous = None
        for position, (index, name) in enumerate(scores, 1):
            if index != previous:
                rank = position
            previous = index
            values = ",".join(f"{rng.uniform(0.2, 1.0):.4f}" for _ in PILLARS)
            rows.append(f'{year},"63 tỉnh, thành phố",{name},{rank},{index:.4f},{values}')
    write(os.path.join(content, "data", "dti.csv"), "\n".join(rows) + "\n")

    indicators = ["pillar,code,name,max_points,scoring_rule"]
    for n, (pid, _) in enumerate(PILLARS, 1):
        for k in range(1, 13):
            indicators.append(f"{pid},{n}.{k},{sentence(rng, 8)},{rng.choice([5, 10, 20])},Tỷ lệ × điểm tối đa")
    write(os.path.join(content, "data", "indicators.csv"), "\n".join(indicators) + "\n")

    vneid = ["province,district,commune,order,kind,year,population,collected,activated,collected_pct,activated_pct,"
             "target_collected_pct,target_collected_accounts,target_activated_pct,target_activated_accounts"]
    for c in range(10600):
        district, province = districts[c % 700]
        population = rng.randint(1500, 9000)
        collected = rng.randint(population // 3, population)
        activated = rng.randint(collected // 2, collected)
        commune = f"xã Số {c + 1:05d}"
        vneid.append(f"{province},{district},{commune},{c // 700 + 1},commune,2023,{population},{collected},{activated},,,,,,")
        # Targets at or above this year's actual percent, as a plan would set them.
        collected_pct = collected * 100 // population + 1
        activated_pct = activated * 100 // population + 1
        vneid.append(f"{province},{district},{commune},{c // 700 + 1},commune,2024,,,,,,{min(100, collected_pct + rng.randint(2, 10))},{rng.randint(50, 300)},{min(100, activated_pct + rng.randint(2, 10))},{rng.randint(50, 300)}")
    write(os.path.join(content, "data", "vneid.csv"), "\n".join(vneid) + "\n")

    agencies = ["name,short_name,aliases", "Sở Khoa học và Công nghệ,Sở KH&CN,Sở KHCN",
                "Văn phòng UBND tỉnh,VP UBND,", "Sở Nội vụ,SNV,", "Công an tỉnh,CA tỉnh,"]
    write(os.path.join(content, "data", "agencies.csv"), "\n".join(agencies) + "\n")
    tasks = ["code,pillar,indicators,task,lead,partners,product,deadline,status,document"]
    leads = ["Sở Khoa học và Công nghệ", "Văn phòng UBND tỉnh", "Sở Nội vụ", "Công an tỉnh"]
    deadlines = ["Quý II/2025", "Thường xuyên", "12/2025", "2026-2030", "Năm 2025", "Hằng năm"]
    for t in range(500):
        pid = PILLARS[t % 8][0]
        tasks.append(f"T.{t + 1},{pid},{t % 8 + 1}.{t % 12 + 1},{sentence(rng, 14)},{leads[t % 4]},{leads[(t + 1) % 4]},"
                     f"Báo cáo,{deadlines[t % 6]},,van-ban-{t % 2000:04d}")
    write(os.path.join(content, "data", "tasks.csv"), "\n".join(tasks) + "\n")

    for n, (pid, title) in enumerate(PILLARS, 1):
        write(os.path.join(content, "tru-cot", f"{pid}.md"),
              f"---\nid: {pid}\ntitle: {title}\norder: {n}\nmax_points: 100\nsummary: {sentence(rng, 10)}\n---\n"
              f"## Định hướng\n\n{sentence(rng, 40)}\n")
    for i in range(2000):
        write(os.path.join(content, "van-ban", f"van-ban-{i:04d}.md"), markdown_document(rng, i))
    write(os.path.join(content, "_index.md"), f"---\ntitle: Trang chủ\n---\n{sentence(rng, 30)}\n")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/tmp/dtisite-bench")
