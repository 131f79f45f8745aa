"""Article content for the demo web: regions, phrase banks, templates and the article list.

Everything here was written for this project. The ground truth of each article (region,
hazards, date, whether it is about safety at all) is decided by hand in the spec lists at
the bottom, and the text is generated from it, so text and truth agree by construction.
Generation is deterministic: the only randomness is `random.Random(<fixed seed>)`.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

HAZARDS = [
    "drowning", "fire", "traffic", "food_safety", "bullying", "fraud", "epidemic",
    "mental_health", "gas_poisoning", "lab_chemicals", "natural_disaster", "extreme_weather",
    "cyber", "building", "security", "electrical", "special_equipment",
]


@dataclass(frozen=True)
class Region:
    province: str
    city: str | None
    county: str | None
    issuer: str  # full name of the issuing body
    short: str  # how the text refers to it after the first mention
    scope: str  # "全省" / "全市" / "全县" ...
    units: str  # who a notice is addressed to


REGIONS: dict[str, Region] = {
    "sx": Region("陕西省", None, None, "陕西省教育厅", "省教育厅", "全省", "各设区市教育局，杨凌示范区教育局，韩城市教育局，各高等学校"),
    "sx_xa": Region("陕西省", "西安市", None, "西安市教育局", "市教育局", "全市", "各区县教育局，各开发区教育主管部门，市属各学校"),
    "sx_xa_yt": Region("陕西省", "西安市", "雁塔区", "西安市雁塔区教育局", "区教育局", "全区", "区属各中小学、幼儿园"),
    "sx_bj": Region("陕西省", "宝鸡市", None, "宝鸡市教育局", "市教育局", "全市", "各县区教育体育局，市直各学校"),
    "sx_hz": Region("陕西省", "汉中市", None, "汉中市教育局", "市教育局", "全市", "各县区教育局，市直各学校"),
    "sx_yl": Region("陕西省", "榆林市", None, "榆林市教育局", "市教育局", "全市", "各县市区教育局，市直各学校"),
    "sx_ya_bt": Region("陕西省", "延安市", "宝塔区", "延安市宝塔区教育局", "区教育局", "全区", "区属各学校、幼儿园"),
    "sx_ak": Region("陕西省", "安康市", None, "安康市教育体育局", "市教体局", "全市", "各县区教体局，市直各学校"),
    "sx_ak_hy": Region("陕西省", "安康市", "汉阴县", "汉阴县教育体育和科技局", "县教体科技局", "全县", "各镇中心学校，县直各学校、幼儿园"),
    "sx_xy": Region("陕西省", "咸阳市", None, "咸阳市教育局", "市教育局", "全市", "各县市区教育局，市直各学校"),
    "sx_sl_za": Region("陕西省", "商洛市", "镇安县", "镇安县教育体育局", "县教体局", "全县", "各中小学、幼儿园"),
    "hn": Region("河南省", None, None, "河南省教育厅", "省教育厅", "全省", "各省辖市、济源示范区教育局，各高等学校"),
    "hn_zz": Region("河南省", "郑州市", None, "郑州市教育局", "市教育局", "全市", "各区县（市）教育局，市属各学校"),
    "hn_zz_gov": Region("河南省", "郑州市", None, "郑州市人民政府", "市政府", "全市", "各区县（市）人民政府，市人民政府各部门"),
    "hn_zz_jk": Region("河南省", "郑州市", None, "郑州经济技术开发区教育文化体育局", "经开区教文体局", "全区", "区属各学校（幼儿园）"),
    "hb": Region("河北省", None, None, "河北省教育厅", "省教育厅", "全省", "各市（含定州、辛集市）教育局，雄安新区公共服务局"),
    "hb_hd": Region("河北省", "邯郸市", None, "邯郸市教育局", "市教育局", "全市", "各县（市、区）教育局，市直各学校"),
    "hb_sjz": Region("河北省", "石家庄市", None, "石家庄市教育局", "市教育局", "全市", "各县（市、区）教育局"),
    "sd_rz": Region("山东省", "日照市", None, "日照市教育局", "市教育局", "全市", "各区县教体局，市直各学校"),
    "sd_rz_dg": Region("山东省", "日照市", "东港区", "日照市东港区教育和体育局", "东港区教体局", "全区", "区属各学校、幼儿园"),
    "sd_qd": Region("山东省", "青岛市", None, "青岛市人民政府", "市政府", "全市", "各区市人民政府"),
    "shx": Region("山西省", None, None, "山西省教育厅", "省教育厅", "全省", "各市教育局，各高等学校"),
    "shx_ty": Region("山西省", "太原市", None, "太原市教育局", "市教育局", "全市", "各县（市、区）教育局"),
    "shx_dt": Region("山西省", "大同市", None, "大同市教育局", "市教育局", "全市", "各县区教育局"),
    "gd": Region("广东省", None, None, "广东省教育厅", "省教育厅", "全省", "各地级以上市教育局，各高等学校"),
    "gd_sz": Region("广东省", "深圳市", None, "深圳市教育局", "市教育局", "全市", "各区教育局，市属各学校"),
    "gd_gz_th": Region("广东省", "广州市", "天河区", "广州市天河区教育局", "区教育局", "全区", "区属各中小学、幼儿园"),
    "sc": Region("四川省", None, None, "四川省教育厅", "省教育厅", "全省", "各市（州）教育行政部门，各高等学校"),
    "sc_cd": Region("四川省", "成都市", None, "成都市教育局", "市教育局", "全市", "各区（市）县教育行政部门"),
    "zj": Region("浙江省", None, None, "浙江省教育厅", "省教育厅", "全省", "各市、县（市、区）教育局"),
    "zj_hz": Region("浙江省", "杭州市", None, "杭州市教育局", "市教育局", "全市", "各区、县（市）教育局"),
    "hun_cs": Region("湖南省", "长沙市", None, "长沙市教育局", "市教育局", "全市", "各区县（市）教育局"),
    "fj_fz_gl": Region("福建省", "福州市", "鼓楼区", "福州市鼓楼区教育局", "区教育局", "全区", "区属各中小学、幼儿园"),
    "js_nj": Region("江苏省", "南京市", None, "南京市教育局", "市教育局", "全市", "各区教育局，市属各学校"),
    "yn": Region("云南省", None, None, "云南省教育厅", "省教育厅", "全省", "各州（市）教育体育局"),
    "hlj": Region("黑龙江省", None, None, "黑龙江省教育厅", "省教育厅", "全省", "各市（地）教育局"),
    "hlj_heb": Region("黑龙江省", "哈尔滨市", None, "哈尔滨市教育局", "市教育局", "全市", "各区、县（市）教育局"),
    "gs_lz": Region("甘肃省", "兰州市", None, "兰州市教育局", "市教育局", "全市", "各县区教育局"),
    "ah_hf": Region("安徽省", "合肥市", None, "合肥市教育局", "市教育局", "全市", "各县（市）区教体局"),
    "gx_nn": Region("广西壮族自治区", "南宁市", None, "南宁市教育局", "市教育局", "全市", "各县（区）教育局"),
    "jx": Region("江西省", None, None, "江西省教育厅", "省教育厅", "全省", "各设区市教育局，各高等学校"),
}

# What the text calls each hazard (short topic used in titles and leads).
TOPIC = {
    "drowning": "防溺水",
    "fire": "消防安全",
    "traffic": "交通安全",
    "food_safety": "食品安全",
    "bullying": "防范学生欺凌",
    "fraud": "防范电信网络诈骗",
    "epidemic": "传染病防控",
    "mental_health": "学生心理健康",
    "gas_poisoning": "防一氧化碳中毒",
    "lab_chemicals": "实验室危险化学品安全",
    "natural_disaster": "防汛和地质灾害防范",
    "extreme_weather": "应对极端天气",
    "cyber": "网络安全",
    "building": "校舍安全",
    "security": "护校安园",
    "electrical": "校园用电安全",
    "special_equipment": "特种设备安全",
}

# Two or three sentences per hazard; an article takes two of them, rotated by its number.
BANK = {
    "drowning": [
        "针对夏季溺水事故易发多发的特点，各校要利用主题班会、致家长一封信、安全教育平台等渠道反复开展防溺水警示教育，确保“六不准”要求人人知晓。",
        "要会同水利、应急等部门对辖区内河流、水库、山塘、沟渠等重点水域开展拉网式排查，补齐警示标牌和救生圈、救生绳等设施，落实巡河护水责任人。",
        "要强化家校协同，督促家长切实履行监护责任，严防学生私自结伴到野外水域游泳、戏水。",
    ],
    "fire": [
        "要集中开展校园消防安全隐患排查整治，重点检查学生宿舍、食堂、图书馆、实验楼等人员密集场所的疏散通道和消防设施器材。",
        "严禁在宿舍内私拉乱接电线、使用大功率电器，确保安全出口畅通，应急照明、疏散指示标志和灭火器完好有效。",
        "每学期至少组织一次全员参与的消防疏散演练，使师生熟练掌握报警、扑救初起火灾和逃生自救的基本技能。",
    ],
    "traffic": [
        "要加强校车安全管理，严格落实校车驾驶人资质审核、车辆定期检验和随车照管人员制度，坚决杜绝超员、超速行驶。",
        "要会同公安交警部门在上下学高峰时段设置“护学岗”，整治学校周边道路交通秩序，规范接送车辆停放。",
        "要教育学生不乘坐无牌无证车辆和拼装车、报废车，未满十二周岁不骑自行车上路，乘坐电动自行车须佩戴安全头盔。",
    ],
    "food_safety": [
        "要全面落实学校食品安全校长（园长）负责制和集中用餐陪餐制度，严把食材采购、贮存、加工、留样各个环节。",
        "要联合市场监管部门对学校食堂和校园周边食品经营店开展专项检查，严查过期变质食品和无标签食品。",
        "要督促承包经营食堂和校外供餐单位建立食品安全追溯台账，做到来源可查、去向可追，让师生吃得安心。",
    ],
    "bullying": [
        "要深入开展防范中小学生欺凌专项治理，健全欺凌事件早期发现、调查认定和处置报告机制。",
        "各校要设立学生欺凌投诉电话和意见箱，班主任每周排查学生之间的矛盾纠纷，做到早发现、早干预、早化解。",
        "要通过法治副校长进校园、模拟法庭等活动，引导学生知法守法、尊重他人、友善相处。",
    ],
    "fraud": [
        "针对电信网络诈骗向校园渗透的新情况，要联合公安反诈中心开展反诈宣传进校园活动，揭露刷单返利、虚假游戏装备交易、冒充客服退款等常见骗局。",
        "要引导师生下载安装国家反诈中心APP，不轻信陌生来电和短信，不向陌生账户转账汇款，不出租出借银行卡和电话卡。",
        "要加强对在校学生涉“两卡”问题的排查，防止学生被不法分子利用，沦为诈骗团伙的帮凶。",
    ],
    "epidemic": [
        "要严格落实晨午检、因病缺勤病因追查与登记制度，做好流感、诺如病毒感染、水痘等冬春季传染病防控。",
        "要加强教室、宿舍、食堂等场所的通风和消毒，发现聚集性病例要第一时间向疾控机构报告并规范处置。",
        "要会同卫生健康部门开展传染病防治知识宣传，引导师生养成勤洗手、常通风、科学佩戴口罩的卫生习惯。",
    ],
    "mental_health": [
        "要高度重视学生心理健康工作，在开学前后、考试前后等关键时段开展心理健康状况筛查，建立重点学生关爱台账。",
        "要配齐配强专兼职心理健康教师，畅通心理援助热线，对存在心理困扰的学生做到一人一案、精准帮扶。",
        "要密切家校沟通，指导家长关注孩子的情绪变化，营造和谐温暖的家庭氛围。",
    ],
    "gas_poisoning": [
        "进入采暖季，要对使用燃煤、燃气取暖的学生宿舍和教师周转房逐一排查，检查烟道是否畅通、通风是否良好。",
        "要通过家长群、告家长书提醒家长做好家庭防一氧化碳中毒工作，严禁在门窗紧闭的房间内使用炭火盆取暖。",
        "学校食堂燃气管道、阀门和可燃气体报警装置要定期检测，一旦发现泄漏立即关阀、开窗、疏散人员。",
    ],
    "lab_chemicals": [
        "要全面排查中小学和高校实验室危险化学品的采购、储存、使用和废弃处置环节，落实双人保管、双人领取、双把锁、双本账制度。",
        "对易制毒、易制爆化学品要建立专门台账，做到账物相符，过期试剂和实验废液按规定交由有资质的单位处置。",
        "实验教学前要对学生开展安全操作培训，实验室须配备通风橱、洗眼器、喷淋装置和防护用品。",
    ],
    "natural_disaster": [
        "主汛期到来前，要组织对临山、临河、临崖及地质灾害隐患点附近的学校进行全面排查，逐校制定避险转移方案。",
        "要密切关注气象、水利、自然资源等部门发布的预警信息，遇强降雨等情况果断采取停课、转移师生等措施。",
        "要常态化开展防震减灾和地质灾害避险疏散演练，提高师生自救互救能力。",
    ],
    "extreme_weather": [
        "针对近期可能出现的寒潮、大风、低温雨雪冰冻天气，各校要提前做好校舍防冻、道路除冰和取暖保障。",
        "要根据天气变化合理调整户外活动和体育课时间，高温时段防止学生中暑，降温时段提醒学生添衣保暖。",
        "遇暴雪、冰冻、台风等极端天气，各地可视情况弹性安排学生到校离校时间或临时调整为线上教学。",
    ],
    "cyber": [
        "要落实网络安全等级保护制度，对学校门户网站、教育管理信息系统开展漏洞扫描和安全检测。",
        "要加强师生个人信息保护，严防学生数据泄露，规范校园网络账号和新媒体账号管理。",
        "要结合国家网络安全宣传周开展主题教育，引导学生文明上网，抵制网络不良信息。",
    ],
    "building": [
        "要对校舍开展全面安全鉴定，对鉴定为C级、D级的危房立即停止使用并制定加固改造计划。",
        "要加强在建校舍工程的质量和施工安全监管，严格落实施工区域围挡隔离和人车分流措施。",
        "要重点排查围墙、挡土墙、护栏、外墙贴面和吊顶等部位，防止坍塌、坠落伤人。",
    ],
    "security": [
        "要严格落实校园封闭化管理，校门口设置硬质防冲撞设施，专职保安员配备和一键报警装置联网做到全覆盖。",
        "要健全警校联动机制，在上下学时段组织警力和保安巡逻值守，严防无关人员进入校园。",
        "要定期组织防暴力侵害应急演练，提升保安员和教职工的应急处置能力。",
    ],
    "electrical": [
        "要组织专业电工对教学楼、宿舍、食堂的配电箱、线路和插座开展全面检测，及时更换老化破损线路。",
        "严禁学生在宿舍使用“热得快”、电热毯等违规电器，电动自行车一律在指定区域集中停放和充电。",
        "雷雨季节前要检查防雷设施，确保接地装置完好，漏电保护器灵敏可靠。",
    ],
    "special_equipment": [
        "要对学校电梯、锅炉、压力容器等特种设备开展专项检查，逐台核查使用登记、定期检验和维护保养记录。",
        "特种设备作业人员必须持证上岗，电梯轿厢内要张贴安全乘梯须知和应急救援电话。",
        "对超期未检或存在隐患的设备要立即停用，整改合格后方可重新投入使用。",
    ],
}

# For "lessons learned" paragraphs: what went wrong elsewhere.
ACCIDENT = {
    "drowning": "学生结伴野泳溺亡事故", "fire": "学生宿舍火灾事故", "traffic": "接送学生车辆侧翻事故",
    "food_safety": "学生集体食物中毒事件", "bullying": "校园欺凌事件", "fraud": "大学生遭遇网络刷单诈骗案件",
    "epidemic": "学校聚集性疫情", "mental_health": "学生心理危机事件", "gas_poisoning": "一氧化碳中毒事件",
    "lab_chemicals": "实验室爆燃事故", "natural_disaster": "山洪冲毁校舍事件", "extreme_weather": "大风致校园围墙倒塌事件",
    "cyber": "学校信息系统数据泄露事件", "building": "体育馆屋顶坍塌事故", "security": "校门口伤害学生案件",
    "electrical": "宿舍电器起火事故", "special_equipment": "电梯困人事故",
}

ELSEWHERE = ["黑龙江省齐齐哈尔市", "湖南省某县", "江西省某地", "内蒙古自治区某地", "湖北省某市", "贵州省某县", "广西某地", "江苏省某高校"]

LEADERS = ["王立新", "李建华", "张卫东", "刘晓燕", "陈志刚", "杨春梅", "赵国庆", "孙丽娟", "周海涛", "吴敏", "郑永强", "冯雪", "何建军", "马文博", "胡晓燕", "高志远"]
REPORTERS = ["林晓", "宋佳", "韩磊", "唐静", "许诺", "邓飞", "曹阳", "彭程", "蒋丽", "苏航"]
SCHOOLS = ["第一中学", "实验小学", "第二初级中学", "城关小学", "第三中学", "育才学校", "中心幼儿园", "第五小学"]
PARTNERS = ["县消防救援大队", "区消防救援大队", "市应急管理局", "辖区派出所", "市红十字会", "市地震局"]

SEASON = {1: "寒假", 2: "春季开学", 3: "春季", 4: "春季", 5: "汛期", 6: "暑期", 7: "暑期",
          8: "秋季开学", 9: "秋季开学", 10: "秋冬季", 11: "冬季", 12: "冬季"}

MEETING_CONTEXT = [
    "会议指出，当前学校安全工作形势总体平稳，但风险隐患依然存在，各单位要清醒认识工作的长期性和复杂性，始终绷紧安全这根弦，坚决克服麻痹思想和侥幸心理。",
    "会议强调，守护师生生命安全是教育系统的底线任务，要坚持预防为主、关口前移，把问题想在前面、把措施落在实处，以高度的责任感做好各项工作。",
    "会议要求，各单位要压实主体责任，主要负责人亲自抓、分管负责人具体抓，层层签订责任书，形成横向到边、纵向到底的责任体系。",
]
INSPECTION_CONTEXT = [
    "检查组采取查阅台账、实地查看、随机询问师生等方式，逐项核查各校安全制度落实情况，对发现的问题现场反馈、限期整改。",
    "此次检查坚持问题导向，对照检查清单逐校过堂，建立问题、责任、整改“三张清单”，实行销号管理。",
]
DRILL_CONTEXT = [
    "随着警报声响起，各班学生在老师的组织下迅速有序地沿指定路线撤离到安全区域，整个过程紧张有序。",
    "演练结束后，专业人员进行了现场点评，并向师生讲解了应急处置要点，现场演示了器材的使用方法。",
]
TRAINING_CONTEXT = [
    "授课专家结合大量典型案例，深入浅出地讲解了风险识别、隐患排查和应急处置的方法，内容实用、针对性强。",
    "参训人员纷纷表示，通过培训进一步增强了安全意识，掌握了实用技能，将把所学所获运用到日常工作中。",
]
REPORT_CONTEXT = [
    "今年以来，{short}坚持把{topic}工作摆在突出位置，健全工作机制，细化工作举措，推动各项要求落到实处。",
    "在具体工作中，{short}坚持日常检查与专项督查相结合、集中整治与长效管理相结合，确保工作不留死角。",
]
CLOSING = [
    "下一步，{short}将持续加强督导检查，推动各项安全措施落地见效，全力守护广大师生生命安全和身体健康。",
    "{short}有关负责人表示，将以此次活动为契机，建立健全长效机制，切实把安全工作抓细抓实。",
    "会议要求，各单位要坚持底线思维，严格落实值班值守和信息报送制度，遇有突发情况第一时间报告、第一时间处置。",
]

ENROLLMENT = [
    "今年义务教育阶段学校招生继续坚持免试就近入学，公办学校按照划定的服务区范围招生，民办学校与公办学校同步招生。",
    "适龄儿童少年家长须在规定时间内通过招生入学服务平台完成网上报名，并按要求提交户籍、居住等证明材料。",
    "进城务工人员随迁子女入学以居住证为主要依据，各地要简化证明材料，保障其平等接受义务教育的权利。",
    "普通高中招生实行“统一报名、统一考试、统一录取”，指标到校比例不低于统招计划的百分之六十。",
    "各地要严格落实招生计划管理，严禁以任何形式提前招生、违规跨区域招生，切实维护招生入学秩序。",
]
PARTY = [
    "会议全面总结了过去一年机关和直属单位党建工作，对新一年全面从严治党重点任务作出部署。",
    "会议要求，要以党的政治建设为统领，持续推进党支部标准化规范化建设，严格落实“三会一课”、主题党日等制度。",
    "要深化理论武装，把学习贯彻党的创新理论作为首要政治任务，推动党建与业务深度融合、相互促进。",
    "要锲而不舍落实中央八项规定精神，持之以恒正风肃纪，营造风清气正的干事创业环境。",
]
ECONOMY = [
    "会议听取了发改、统计、工信、商务等部门关于一季度经济运行情况的汇报，分析研判当前经济形势。",
    "一季度，地区生产总值保持平稳增长，规模以上工业增加值、社会消费品零售总额等主要指标好于预期。",
    "会议要求，要紧盯全年目标任务，加快重点项目建设进度，强化要素保障，全力以赴扩投资、促消费、稳外贸。",
    "要持续优化营商环境，落实惠企纾困政策，帮助市场主体解决融资、用工等实际困难，推动经济运行持续回升向好。",
]
CULTURE = [
    "开幕式上，学生们带来了合唱、舞蹈、器乐合奏、课本剧等精彩节目，展示了良好的精神风貌。",
    "本届艺术节历时一个月，设置声乐、器乐、书法、绘画、摄影等多个项目，共有两千余名学生参与。",
    "近年来，辖区各校坚持以美育人、以文化人，广泛开展社团活动，学生艺术素养不断提升。",
]


@dataclass
class Spec:
    """An article as decided by hand: where, when, what."""

    date: str  # published date on the site, YYYY-MM-DD
    region: str  # key into REGIONS
    hazards: list[str]  # [] = not about safety
    event: str  # meeting inspection drill training notice report | enrollment party economy culture
    title: str | None = None  # leave None to build one from the template
    trap: bool = False  # add a "lessons learned" paragraph naming an accident elsewhere
    event_offset: int = 0  # days between the event and publication
    extra: dict = field(default_factory=dict)


def _title(spec: Spec, reg: Region, n: int) -> str:
    if spec.title:
        return spec.title
    year, month = int(spec.date[:4]), int(spec.date[5:7])
    season = SEASON[month]
    if spec.event == "enrollment":
        return [f"{reg.issuer}关于做好{year}年义务教育阶段学校招生入学工作的通知",
                f"{reg.issuer}发布{year}年普通高中招生工作实施意见"][n % 2]
    if spec.event == "party":
        return f"{reg.issuer}召开{year}年机关党建工作会议"
    if spec.event == "economy":
        return f"{reg.issuer}召开{year}年{_period(month)}经济运行分析会"
    if spec.event == "culture":
        return f"{reg.scope[1:]}第五届中小学生校园文化艺术节开幕"
    hz = spec.hazards
    if len(hz) >= 3:
        topic = "学校安全稳定"
    elif len(hz) == 2:
        joiner = "及" if "和" in TOPIC[hz[0]] + TOPIC[hz[1]] else "和"
        topic = f"{TOPIC[hz[0]]}{joiner}{TOPIC[hz[1]]}"
    else:
        topic = TOPIC[hz[0]]
    if "traffic" in hz and spec.extra.get("school_bus"):
        topic = "校车安全" if len(hz) == 1 else topic.replace("交通安全", "校车安全")
    t = {
        "meeting": [f"{reg.issuer}召开{season}{topic}工作会议", f"{reg.issuer}召开{year}年{topic}工作推进会",
                    f"{reg.issuer}安排部署{season}{topic}工作"],
        "inspection": [f"{reg.issuer}开展{topic}专项检查", f"{reg.issuer}深入学校督导检查{topic}工作",
                       f"{reg.issuer}组织开展{topic}隐患排查整治行动"],
        "drill": [f"{reg.issuer}组织开展{topic}应急演练", f"{reg.issuer}联合多部门举行{topic}应急疏散演练"],
        "training": [f"{reg.issuer}举办{topic}专题培训班", f"{reg.issuer}组织开展{topic}知识培训"],
        "notice": [f"{reg.issuer}关于做好{year}年{season}{topic}工作的通知", f"{reg.issuer}关于开展{topic}专项整治行动的通知"],
        "report": [f"{reg.issuer}多措并举筑牢{topic}防线", f"{reg.issuer}扎实推进{topic}工作"],
    }[spec.event]
    return t[n % len(t)]


def _cn_date(date: str, offset: int, with_year: bool) -> str:
    import datetime as dt

    d = dt.date.fromisoformat(date) - dt.timedelta(days=offset)
    s = f"{d.month}月{d.day}日"
    return f"{d.year}年{s}" if with_year else s


def _period(month: int) -> str:
    return {1: "上年度", 2: "上年度", 3: "上年度"}.get(month) or ("一季度" if month <= 6 else "上半年" if month <= 9 else "前三季度")


ORDINALS = ["一", "二", "三", "四", "五", "六", "七", "八"]


def build(spec: Spec, n: int, *, style: str = "plain", with_year: bool = True) -> tuple[str, list[str]]:
    """Title and body paragraphs. `n` is the article's global number (varies the wording).

    style: "plain" (一是/二是), "notice" (一、二、 headings), "tw" (（一）（二）).
    """
    reg = REGIONS[spec.region]
    rnd = random.Random(1000 + n)
    title = _title(spec, reg, n)
    when = _cn_date(spec.date, spec.event_offset, with_year=with_year and n % 3 == 0)
    ampm = ["上午", "下午", ""][n % 3]
    leader = LEADERS[n % len(LEADERS)]
    paras: list[str] = []
    hz = spec.hazards
    joiner = "及" if any("和" in TOPIC[h] for h in hz) else "和"
    topics = ("学校安全稳定" if len(hz) >= 3 else joiner.join(TOPIC[h] for h in hz)) if hz else ""

    if spec.event in ("enrollment", "party", "economy", "culture"):
        bank = {"enrollment": ENROLLMENT, "party": PARTY, "economy": ECONOMY, "culture": CULTURE}[spec.event]
        if spec.event == "enrollment":
            paras.append(f"{when}，{reg.issuer}印发通知，对{spec.date[:4]}年{reg.scope}招生入学工作作出安排。")
        elif spec.event == "party":
            paras.append(f"{when}{ampm}，{reg.issuer}召开机关党建工作会议，党组书记{leader}出席会议并讲话。")
        elif spec.event == "economy":
            paras.append(f"{when}{ampm}，{reg.issuer}召开{_period(int(spec.date[5:7]))}经济运行分析会，主要负责同志{leader}主持会议。")
        else:
            paras.append(f"{when}{ampm}，由{reg.issuer}主办的{reg.scope[1:]}第五届中小学生校园文化艺术节在{SCHOOLS[n % len(SCHOOLS)]}开幕。")
        period = _period(int(spec.date[5:7]))
        paras.extend(bank[i % len(bank)].replace("一季度", period) for i in range(n % 2, n % 2 + 3))
        paras.append(f"{reg.short}有关负责人表示，将认真抓好各项任务落实，确保工作取得实效。")
        return title, paras

    if spec.event == "notice":
        paras.append(f"{reg.units}：")
        paras.append(f"为切实做好{SEASON[int(spec.date[5:7])]}{topics}工作，保障广大师生生命安全和身体健康，根据上级有关工作部署，现就有关事项通知如下。")
    elif spec.event == "meeting":
        paras.append(f"{when}{ampm}，{reg.issuer}召开{reg.scope}教育系统{topics}工作会议，传达学习上级有关会议精神，分析研判当前形势，安排部署近期重点工作。党组书记、局长{leader}出席会议并讲话。")
        paras.append(MEETING_CONTEXT[n % len(MEETING_CONTEXT)])
    elif spec.event == "inspection":
        paras.append(f"{when}，{reg.issuer}组成{2 + n % 5}个检查组，深入{reg.scope}{10 + n * 7 % 40}所中小学校和幼儿园，开展{topics}专项检查。")
        paras.append(INSPECTION_CONTEXT[n % 2])
    elif spec.event == "drill":
        school = SCHOOLS[n % len(SCHOOLS)]
        paras.append(f"{when}{ampm}，{reg.issuer}联合{PARTNERS[n % len(PARTNERS)]}在{reg.scope[1:]}{school}组织开展{topics}应急演练，全校{600 + n * 37 % 900}余名师生参加。")
        paras.append(DRILL_CONTEXT[n % 2])
    elif spec.event == "training":
        paras.append(f"{when}，{reg.issuer}举办{topics}专题培训，邀请专业人员为{reg.scope}中小学校分管负责人和安全管理干部授课，{100 + n * 13 % 300}余人参加培训。")
        paras.append(TRAINING_CONTEXT[n % 2])
    else:  # report
        paras.append(REPORT_CONTEXT[0].format(short=reg.issuer, topic=topics))
        paras.append(REPORT_CONTEXT[1].format(short=reg.short))

    if spec.trap and hz:
        place = ELSEWHERE[n % len(ELSEWHERE)]
        paras.append(f"会上通报了近期{place}发生的一起{ACCIDENT[hz[0]]}，要求各单位深刻汲取教训，以案为鉴、举一反三，坚决防止类似事件发生。")

    for i, h in enumerate(hz):
        bank = BANK[h]
        k = (n + i) % len(bank)
        text = bank[k] + bank[(k + 1) % len(bank)]
        if h == "traffic" and spec.extra.get("school_bus"):
            text = bank[0] + bank[1]
        if style == "notice":
            paras.append(f"{ORDINALS[i]}、切实做好{TOPIC[h]}工作。{text}")
        elif style == "tw":
            paras.append(f"（{ORDINALS[i]}）{TOPIC[h]}。{text}")
        else:
            lead = ["一是", "二是", "三是", "四是", "五是", "六是", "七是", "八是"][i]
            paras.append(f"{lead}抓好{TOPIC[h]}。{text}")

    if spec.extra.get("pm25"):
        paras.append("重污染天气预警期间(PM2.5浓度持续偏高时)，各校要停止户外体育活动，减少学生户外停留时间。")
    if spec.event == "notice":
        head = f"（{ORDINALS[len(hz)]}）" if style == "tw" else f"{ORDINALS[len(hz)]}、"
        paras.append(f"{head}严格落实值班值守制度。各单位要安排专人值班，保持通讯畅通，遇有重大情况第一时间报告。")
        paras.append(reg.issuer)
        paras.append(_cn_date(spec.date, 1, with_year=True))
    else:
        paras.append(CLOSING[rnd.randrange(len(CLOSING))].format(short=reg.short))
    return title, paras


# ---------------------------------------------------------------------------------------
# The article lists, site by site. Decided by hand: each line is the ground truth.
# ---------------------------------------------------------------------------------------

SXJYT = [
    Spec("2025-01-14", "sx", ["fire", "gas_poisoning", "fraud", "epidemic", "mental_health"], "meeting", trap=True,
         title="陕西省教育厅召开全省2025年寒假学校安全稳定工作会议"),
    Spec("2025-03-05", "sx", ["building", "security", "electrical"], "notice",
         title="陕西省教育厅关于开展2025年春季学校安全隐患排查整治的通知", extra={"xxgk": "陕教安〔2025〕3号"}),
    Spec("2025-05-20", "sx", ["natural_disaster", "extreme_weather"], "notice", extra={"pdf": True}),
    Spec("2025-06-18", "sx", ["drowning"], "notice", title="陕西省教育厅关于切实做好2025年暑期学生防溺水工作的通知", extra={"xls": True}),
    Spec("2024-09-02", "sx_xa", ["traffic", "food_safety"], "inspection", extra={"school_bus": True}),
    Spec("2024-11-20", "sx_bj", ["lab_chemicals"], "inspection"),
    Spec("2024-04-16", "sx_hz", ["bullying"], "training"),
    Spec("2024-12-10", "sx_yl", ["gas_poisoning", "extreme_weather"], "meeting"),
    Spec("2023-11-09", "sx_ya_bt", ["fire"], "drill"),
    Spec("2024-03-28", "sx_ak", ["natural_disaster"], "drill"),
    Spec("2025-01-08", "sx_ak_hy", ["security", "fraud"], "meeting"),
    Spec("2023-06-12", "sx_xy", ["drowning"], "report"),
    Spec("2024-05-22", "sx_sl_za", ["special_equipment", "electrical"], "inspection"),
    Spec("2023-09-18", "sx", ["cyber"], "training", title="陕西省教育厅举办教育系统网络安全专题培训班"),
    Spec("2024-10-10", "sx", ["mental_health"], "notice"),
    Spec("2023-04-20", "sx_xa_yt", ["food_safety"], "training"),
    Spec("2025-02-17", "sx", ["epidemic"], "notice"),
    Spec("2024-07-01", "sx_hz", ["drowning", "natural_disaster"], "report"),
    Spec("2023-12-05", "sx", ["building"], "inspection"),
    Spec("2024-06-03", "sx", [], "enrollment"),
    Spec("2025-04-02", "sx", [], "party"),
    Spec("2024-01-18", "sx_xa", ["traffic"], "meeting", trap=True, extra={"school_bus": True}),
    Spec("2023-03-15", "sx_bj", ["fraud"], "training", extra={"private_link": True}),
    Spec("2025-03-20", "sx_xy", ["cyber", "fraud"], "report"),
]

HANYIN = [
    Spec("2025-01-29", "sx_ak_hy", ["fire", "gas_poisoning", "extreme_weather"], "meeting", trap=True,
         title="汉阴县教体科技局部署寒假及春节期间校园安全工作"),
    Spec("2024-06-20", "sx_ak_hy", ["drowning"], "report"),
    Spec("2024-05-12", "sx_ak_hy", ["natural_disaster"], "drill"),
    Spec("2024-09-05", "sx_ak_hy", ["food_safety"], "inspection"),
    Spec("2023-10-26", "sx_ak_hy", ["bullying"], "training"),
    Spec("2023-05-30", "sx_ak_hy", ["drowning", "traffic"], "meeting"),
    Spec("2024-11-09", "sx_ak_hy", ["fire"], "drill"),
    Spec("2025-03-12", "sx_ak_hy", ["fraud"], "training"),
    Spec("2024-03-01", "sx_ak_hy", ["epidemic", "mental_health"], "meeting"),
    Spec("2023-12-20", "sx_ak_hy", ["electrical", "building"], "inspection"),
    Spec("2025-04-15", "sx_ak_hy", ["security"], "drill"),
    Spec("2024-08-26", "sx_ak_hy", [], "enrollment"),
    Spec("2023-07-05", "sx_ak_hy", [], "party"),
]

# (spec, reprint of (site, index into that site's list) or None)
NEWS: list[tuple[Spec, tuple[str, int] | None]] = [
    (Spec("2025-01-15", "sx", [], "reprint"), ("sxjyt", 0)),
    (Spec("2025-06-19", "sx", [], "reprint"), ("sxjyt", 3)),
    (Spec("2025-01-31", "sx_ak_hy", [], "reprint"), ("hanyin", 0)),
    (Spec("2024-06-21", "sx_ak_hy", [], "reprint"), ("hanyin", 1)),
    (Spec("2024-11-15", "hb_hd", ["epidemic", "security"], "meeting", event_offset=3,
          title="邯郸市教育局召开全市教育系统秋冬季传染病防控暨校园安全工作会议"), None),
    (Spec("2023-05-10", "sd_rz", ["drowning", "fire", "traffic"], "report", title="日照：安全不松劲 假期护平安"), None),
    (Spec("2024-05-08", "sd_rz_dg", ["food_safety", "special_equipment"], "inspection", event_offset=1), None),
    (Spec("2024-09-10", "gd_sz", ["fraud", "cyber"], "training", event_offset=2), None),
    (Spec("2023-08-30", "sc_cd", ["natural_disaster", "building"], "inspection", event_offset=1), None),
    (Spec("2024-12-02", "zj_hz", ["mental_health"], "report"), None),
    (Spec("2025-02-25", "hun_cs", ["bullying"], "meeting", event_offset=1, trap=True), None),
    (Spec("2024-04-18", "fj_fz_gl", ["lab_chemicals"], "training", event_offset=2), None),
    (Spec("2023-11-28", "js_nj", ["fire", "electrical"], "drill", event_offset=1), None),
    (Spec("2024-07-15", "yn", ["natural_disaster", "extreme_weather"], "notice"), None),
    (Spec("2025-01-06", "hlj", ["gas_poisoning", "extreme_weather"], "meeting", event_offset=1), None),
    (Spec("2024-10-22", "gs_lz", ["traffic"], "inspection", event_offset=2, extra={"school_bus": True}), None),
    (Spec("2023-06-25", "ah_hf", ["drowning"], "report"), None),
    (Spec("2025-03-18", "gx_nn", ["epidemic"], "training", event_offset=1), None),
    (Spec("2024-02-26", "hn_zz", ["security"], "meeting", event_offset=1), None),
    (Spec("2023-09-05", "jx", ["cyber"], "notice"), None),
    (Spec("2024-06-06", "hb_sjz", ["special_equipment"], "inspection", event_offset=1), None),
    (Spec("2025-05-12", "sc", ["natural_disaster"], "drill"), None),
    (Spec("2024-03-12", "sd_rz_dg", ["bullying", "mental_health"], "training", event_offset=1), None),
    (Spec("2023-10-31", "gd_sz", ["food_safety"], "inspection", event_offset=1), None),
    (Spec("2024-04-20", "hn_zz_gov", [], "economy", title="郑州市召开2024年一季度经济运行分析会"), None),
    (Spec("2023-04-21", "sd_qd", [], "economy"), None),
    (Spec("2025-03-08", "zj", [], "enrollment", event_offset=1), None),
]

TW = [
    Spec("2025-01-15", "shx", ["fire", "gas_poisoning", "fraud", "epidemic", "mental_health", "lab_chemicals", "building"],
         "meeting", event_offset=1, title="山西省教育厅部署2025年寒假期间学校安全工作"),
    Spec("2024-12-18", "shx_ty", ["extreme_weather", "gas_poisoning"], "notice", extra={"pm25": True}),
    Spec("2024-06-12", "shx_dt", ["drowning"], "report"),
    Spec("2023-10-17", "hb", ["food_safety"], "inspection", event_offset=1),
    Spec("2024-03-21", "hb_sjz", ["bullying"], "training", event_offset=1),
    Spec("2025-04-09", "gd", ["special_equipment", "electrical"], "inspection", event_offset=2),
    Spec("2023-08-08", "gd_gz_th", ["natural_disaster", "extreme_weather"], "notice"),
    Spec("2024-09-23", "yn", ["traffic"], "report"),
    Spec("2025-02-20", "hlj_heb", ["security", "cyber"], "meeting", event_offset=1),
    Spec("2023-12-14", "fj_fz_gl", ["fire"], "drill", event_offset=1),
    Spec("2024-11-05", "sc_cd", ["mental_health"], "training", event_offset=1),
    Spec("2023-05-11", "shx", ["natural_disaster", "building"], "notice"),
    Spec("2024-05-16", "shx", [], "party", event_offset=1),
]

# E-paper: issues → pages (版面) → articles in page order.
EPAPER: list[tuple[str, list[tuple[int, str, list[Spec]]]]] = [
    ("2025-02-11", [
        (2, "教育·平安校园", [
            Spec("2025-02-11", "hn_zz_jk", ["security", "traffic", "fire", "building", "mental_health", "bullying", "fraud"],
                 "meeting", event_offset=1, title="经开区部署新学期校园安全工作"),
            Spec("2025-02-11", "hn_zz_jk", ["fire"], "training", event_offset=1, title="经开区教育工作者共上消防安全大讲堂"),
            Spec("2025-02-11", "hn_zz_jk", [], "culture", event_offset=2, title="经开区第五届中小学生校园文化艺术节开幕"),
        ]),
        (3, "民生·教育", [
            Spec("2025-02-11", "hn_zz", ["food_safety"], "inspection", event_offset=1, title="市教育局开学前检查学校食堂"),
            Spec("2025-02-11", "hn_zz", [], "enrollment", event_offset=1, title="郑州义务教育招生政策发布"),
        ]),
    ]),
    ("2024-06-04", [
        (2, "教育·平安校园", [
            Spec("2024-06-04", "hn_zz_jk", ["drowning"], "report", title="经开区织密暑期防溺水安全网"),
            Spec("2024-06-04", "hn_zz_jk", [], "party", event_offset=1, title="经开区教文体局召开机关党建工作会议"),
            Spec("2024-06-04", "hn_zz", ["electrical"], "inspection", event_offset=2, title="郑州开展校园用电安全检查"),
        ]),
    ]),
    ("2023-11-10", [
        (4, "综合新闻", [
            Spec("2023-11-10", "hn", ["fire"], "drill", event_offset=1, title="全省学校开展消防安全疏散演练"),
            Spec("2023-11-10", "hn_zz_gov", [], "economy", event_offset=2, title="郑州召开前三季度经济运行分析会"),
        ]),
        (5, "教育·平安校园", [
            Spec("2023-11-10", "hn_zz_jk", ["gas_poisoning", "extreme_weather"], "meeting", event_offset=1, title="经开区提前部署冬季校园安全"),
            Spec("2023-11-10", "hn_zz_jk", ["cyber"], "training", event_offset=1, title="经开区举办网络安全专题培训"),
            Spec("2023-11-10", "hn_zz", ["lab_chemicals"], "inspection", event_offset=2, title="中小学实验室危化品专项检查启动"),
        ]),
    ]),
]
