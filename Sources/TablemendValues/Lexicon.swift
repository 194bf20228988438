import TablemendModel

/// The words the value readers know: units, operator words, periods, directions and grades.
///
/// All immutable; built once. Every list is matched longest first.
enum Lexicon {
  typealias Word = [Unicode.Scalar]

  static func word(_ s: String) -> Word { Array(s.unicodeScalars) }

  /// Words matched at a position, bucketed by their first scalar, longest first.
  ///
  /// Buckets are indexed by the scalar's low bits, so a lookup costs no hashing.
  struct Table<Payload: Sendable>: Sendable {
    static var bucketCount: Int { 512 }
    var buckets: [[(Word, Payload)]]

    init(_ entries: [(String, Payload)]) {
      buckets = Array(repeating: [], count: Self.bucketCount)
      for (w, p) in entries {
        let sc = Lexicon.word(w)
        guard let f = sc.first else { continue }
        buckets[Int(f.value) & (Self.bucketCount - 1)].append((sc, p))
      }
      for k in buckets.indices {
        buckets[k].sort { $0.0.count > $1.0.count }
      }
    }

    /// The longest entry written at `i`, with its length.
    @inline(__always)
    func match(_ t: Scalars, _ i: Int) -> (length: Int, payload: Payload)? {
      match(t.s, i)
    }

    func match(_ a: [Unicode.Scalar], _ i: Int) -> (length: Int, payload: Payload)? {
      guard i >= 0, i < a.count else { return nil }
      let list = buckets[Int(a[i].value) & (Self.bucketCount - 1)]
      if list.isEmpty { return nil }
      outer: for (w, p) in list {
        if i + w.count > a.count { continue }
        for k in 0..<w.count where a[i + k] != w[k] { continue outer }
        return (w.count, p)
      }
      return nil
    }
  }

  /// Traditional characters read as simplified ones, in pairs (traditional, simplified): the
  /// traditional forms of the characters in these lists (checked against OpenCC's
  /// character tables), each one a character that simplified text does not use.
  static let traditionalPairs = """
    萬万兩两個个為为爲为鄉乡於于畝亩億亿價价優优餘余內内冊册準准減减別别製制劑剂辦办單单捲卷壓压叄叁
    發发變变隻只檯台臺台號号後后噸吨週周園园場场塊块處处頭头學学實实寬宽層层屆届歲岁鞏巩並并牀床應应
    張张強强當当態态戶户擴扩護护據据數数無无時时條条標标棟栋檔档滿满點点現现電电盞盏蓋盖確确種种穩稳
    筆笔簡简類类約约級级組组終终結结維维綜综縮缩節节評评訴诉課课貳贰車车輪轮輕轻較较輛辆達达過过進进
    遞递裡里裏里鍾钟鐘钟鎮镇長长門门間间隊队陸陆麵面頂顶頃顷項项預预顆颗
    """

  /// For each scalar of U+4E00…U+9FFF, its simplified form's offset plus one (0: unchanged).
  static let simplifiedOffsets: [UInt16] = {
    var table = [UInt16](repeating: 0, count: 0x9FFF - 0x4E00 + 1)
    var pending: Unicode.Scalar?
    for c in traditionalPairs.unicodeScalars where Scalars.isIdeograph(c) {
      if let t = pending {
        if t.value >= 0x4E00, c.value >= 0x4E00 {
          table[Int(t.value - 0x4E00)] = UInt16(c.value - 0x4E00 + 1)
        }
        pending = nil
      } else {
        pending = c
      }
    }
    return table
  }()

  /// Units as written; the payload is the normalised spelling.
  static let units = Table<String>(unitEntries)

  /// The units a value may carry, as written and as normalised.
  static let unitEntries: [(String, String)] =
    [
      // Percent and points.
      ("%", "%"), ("‰", "‰"), ("百分比", "百分比"), ("个百分点", "个百分点"), ("百分点", "百分点"),
      ("比例", "比例"),
      // Money.
      ("元", "元"), ("千元", "千元"), ("美元", "美元"),
      // Area, length, volume, weight, energy.
      ("平方米", "平方米"), ("平方公里", "平方公里"), ("平方千米", "平方千米"), ("平米", "平米"),
      ("㎡", "㎡"), ("m²", "m²"), ("m2", "m²"), ("km²", "km²"), ("亩", "亩"), ("公顷", "公顷"),
      ("公里", "公里"), ("千米", "千米"), ("厘米", "厘米"), ("毫米", "毫米"), ("米", "米"),
      ("延米", "延米"), ("km", "km"),
      ("立方米", "立方米"), ("立方", "立方米"), ("m³", "m³"), ("方", "方"), ("吨", "吨"),
      ("公斤", "公斤"), ("千克", "千克"), ("克", "克"), ("斤", "斤"), ("升", "升"),
      ("微克/立方米", "微克/立方米"), ("毫克/立方米", "毫克/立方米"), ("毫克/升", "毫克/升"),
      ("微克", "微克"), ("毫克", "毫克"), ("分贝", "分贝"), ("毫升", "毫升"),
      ("千瓦时", "千瓦时"), ("千瓦", "千瓦"), ("兆瓦", "兆瓦"), ("度电", "度电"),
      // Latin units (a Latin unit ends where a word would go on: `5min` is not `5m`).
      ("m", "m"), ("M", "M"), ("cm", "cm"), ("mm", "mm"), ("KM", "km"), ("Km", "km"),
      ("km2", "km²"),
      ("m3", "m³"), ("kg", "kg"), ("KG", "kg"), ("Kg", "kg"), ("g", "g"), ("mg", "mg"),
      ("t", "t"), ("L", "L"), ("mL", "mL"), ("ml", "mL"), ("kWh", "kWh"), ("kwh", "kWh"),
      ("KWh", "kWh"), ("KWH", "kWh"), ("kW", "kW"), ("kw", "kW"), ("KW", "kW"), ("MW", "MW"),
      ("MWh", "MWh"), ("GW", "GW"), ("W", "W"), ("kV", "kV"), ("KV", "kV"), ("V", "V"),
      ("dB", "dB"), ("GB", "GB"), ("TB", "TB"), ("MB", "MB"), ("KB", "KB"), ("Mbps", "Mbps"),
      ("Gbps", "Gbps"), ("min", "min"), ("s", "s"),
      // People and bodies.
      ("人次", "人次"), ("人天", "人天"), ("人日", "人日"), ("人数", "人数"), ("人", "人"),
      ("名", "名"), ("户次", "户次"), ("户", "户"), ("位", "位"), ("家次", "家次"), ("家", "家"),
      // Counts.
      ("个", "个"), ("次", "次"), ("场次", "场次"), ("场", "场"), ("项", "项"), ("件", "件"),
      ("份", "份"), ("篇", "篇"), ("本", "本"), ("册", "册"), ("台次", "台次"), ("台套", "台套"),
      ("台", "台"), ("套", "套"), ("辆", "辆"), ("座", "座"), ("所", "所"), ("处", "处"),
      ("批次", "批次"), ("批", "批"), ("期", "期"), ("张", "张"), ("条", "条"), ("部", "部"),
      ("间", "间"), ("栋", "栋"), ("幢", "幢"), ("株", "株"), ("棵", "棵"), ("头", "头"),
      ("只", "只"), ("羽", "羽"), ("宗", "宗"), ("起", "起"), ("例", "例"), ("床", "床"),
      ("支", "支"), ("队", "队"), ("组", "组"), ("类", "类"), ("种", "种"), ("门", "门"),
      ("节", "节"), ("届", "届"), ("轮", "轮"), ("块", "块"), ("片", "片"), ("段", "段"),
      ("根", "根"), ("盏", "盏"), ("笔", "笔"), ("枚", "枚"), ("幅", "幅"), ("首", "首"),
      ("集", "集"), ("层", "层"), ("级", "级"), ("星", "星"), ("档", "档"), ("站", "站"),
      ("村", "村"), ("镇", "镇"), ("乡", "乡"), ("校", "校"), ("园", "园"), ("点", "点"),
      ("车次", "车次"), ("架次", "架次"), ("班次", "班次"), ("种次", "种次"), ("株次", "株次"),
      ("件次", "件次"), ("项次", "项次"), ("例次", "例次"), ("篇次", "篇次"), ("课时", "课时"), ("学时", "学时"),
      ("口", "口"), ("眼", "眼"), ("道", "道"), ("孔", "孔"), ("单", "单"), ("面", "面"),
      ("卷", "卷"), ("盒", "盒"), ("箱", "箱"), ("袋", "袋"), ("瓶", "瓶"), ("包", "包"),
      ("分", "分"), ("倍", "倍"), ("度", "度"), ("℃", "℃"), ("周岁", "周岁"), ("岁", "岁"),
      ("元/人", "元/人"), ("粒", "粒"), ("颗", "颗"), ("尾", "尾"), ("字", "字"), ("艘", "艘"),
      ("副", "副"), ("顶", "顶"), ("剂", "剂"),
      // Time.
      ("个工作日", "个工作日"), ("工作日", "工作日"), ("个月", "个月"), ("个季度", "个季度"),
      ("季度", "季度"), ("年", "年"), ("周", "周"), ("个星期", "个星期"), ("星期", "星期"),
      ("天", "天"), ("日", "日"), ("小时", "小时"), ("分钟", "分钟"), ("秒", "秒"), ("h", "h"),
      ("学期", "学期"), ("学年", "学年"),
    ]

  /// Units a Chinese numeral must not take: `一级指标`, `一批`, `一起`, `一点`, `一体`.
  static let numeralBlockedUnits: Set<String> = [
    "级", "批", "起", "点", "类", "道", "口", "面", "方", "单", "本", "门", "部", "队", "组",
    "片", "段", "根", "头", "分", "度", "星", "届", "节", "首", "集", "层", "处", "种", "支",
    "号", "色", "名", "村", "乡", "镇", "园", "站", "校", "期", "包", "块", "字", "副", "顶",
    "尾",
  ]

  static func startsUnit(_ a: [Unicode.Scalar], _ i: Int) -> Bool {
    if let (len, _) = units.match(a, i) {
      // A single-character unit is only a unit when what follows is not more of a word.
      if len > 1 { return true }
      let n: Unicode.Scalar = i + 1 < a.count ? a[i + 1] : "\u{0}"
      return !Scalars.isIdeograph(n) || suffixOps.match(a, i + 1) != nil
    }
    return false
  }

  static func startsSuffixWord(_ a: [Unicode.Scalar], _ i: Int) -> Bool {
    suffixOps.match(a, i) != nil
  }

  /// Operator words written before a number.
  static let prefixOps = Table<Value.Operator>(
    [
      ("≥", .greaterOrEqual), ("≤", .lessOrEqual), (">", .greater), ("<", .less),
      ("=", .equal), ("≈", .approximately), ("~", .approximately),
      ("大于或等于", .greaterOrEqual), ("大于等于", .greaterOrEqual), ("大于", .greater),
      ("小于或等于", .lessOrEqual), ("小于等于", .lessOrEqual), ("小于", .less),
      ("高于或等于", .greaterOrEqual), ("高于等于", .greaterOrEqual),
      ("低于或等于", .lessOrEqual), ("低于等于", .lessOrEqual),
      ("多于或等于", .greaterOrEqual),
      ("不少于", .greaterOrEqual), ("不低于", .greaterOrEqual), ("不小于", .greaterOrEqual),
      ("不短于", .greaterOrEqual), ("不下于", .greaterOrEqual), ("不得少于", .greaterOrEqual),
      ("不得低于", .greaterOrEqual), ("不应低于", .greaterOrEqual), ("不应少于", .greaterOrEqual),
      ("至少", .greaterOrEqual), ("最少", .greaterOrEqual), ("最低", .greaterOrEqual),
      ("达到", .greaterOrEqual), ("达", .greaterOrEqual), ("确保", .greaterOrEqual),
      ("不超过", .lessOrEqual), ("不高于", .lessOrEqual), ("不多于", .lessOrEqual),
      ("不大于", .lessOrEqual), ("不超出", .lessOrEqual), ("不长于", .lessOrEqual),
      ("不得超过", .lessOrEqual), ("不得高于", .lessOrEqual), ("不应超过", .lessOrEqual),
      ("不应高于", .lessOrEqual), ("不超", .lessOrEqual), ("控制在", .lessOrEqual),
      ("最多", .lessOrEqual), ("至多", .lessOrEqual), ("最高", .lessOrEqual),
      ("超过", .greater), ("高于", .greater), ("多于", .greater), ("超出", .greater),
      ("低于", .less), ("少于", .less), ("不足", .less), ("不满", .less), ("未满", .less),
      ("不到", .less), ("未达", .less),
      ("等于", .equal), ("为", .equal), ("是", .equal),
      ("约为", .approximately), ("大约", .approximately), ("约", .approximately),
      ("大概", .approximately), ("接近", .approximately),
    ])

  /// Operator words written after a number and its unit (Civil Code art. 1259 for 以上/以下/以内).
  static let suffixOps = Table<Value.Operator>(
    [
      ("及以上", .greaterOrEqual), ("以上", .greaterOrEqual), ("之上", .greaterOrEqual),
      ("或以上", .greaterOrEqual), ("(含)以上", .greaterOrEqual), ("以上(含)", .greaterOrEqual),
      ("及以下", .lessOrEqual), ("以下", .lessOrEqual), ("之下", .lessOrEqual),
      ("或以下", .lessOrEqual), ("(含)以下", .lessOrEqual), ("以下(含)", .lessOrEqual),
      ("以内", .lessOrEqual), ("之内", .lessOrEqual), ("内", .lessOrEqual),
      ("以里", .lessOrEqual), ("为限", .lessOrEqual),
      ("以外", .greater), ("之外", .greater),
      ("左右", .approximately), ("上下", .approximately), ("前后", .approximately),
      ("不到", .less), ("不足", .less),
    ])

  /// Periods after 每 / 按 / 一, with their normalised spelling.
  static let periods = Table<String>(
    [
      ("季度", "季度"), ("季", "季度"), ("半年", "半年"), ("学期", "学期"), ("学年", "学年"),
      ("年度", "年"), ("年", "年"), ("月", "月"), ("星期", "周"), ("周", "周"), ("旬", "旬"),
      ("天", "天"), ("日", "日"), ("工作日", "工作日"),
    ])

  /// Direction words for qualitative targets, matched left to right.
  static let directions = Table<String>(
    [
      ("只减不增", "down"), ("只降不升", "down"), ("不增加", "down"), ("不超预算", "down"),
      ("减少", "down"), ("下降", "down"), ("降低", "down"), ("压缩", "down"), ("缩减", "down"),
      ("缩短", "down"), ("精简", "down"), ("减小", "down"), ("缩小", "down"), ("节约", "down"),
      ("节省", "down"), ("递减", "down"), ("降至", "down"), ("削减", "down"), ("控减", "down"),
      ("减轻", "down"), ("不超过", "down"), ("不超出", "down"), ("不高于", "down"),
      ("控制在", "down"), ("低于上年", "down"), ("少于上年", "down"), ("零事故", "down"),
      ("零发生", "down"), ("零投诉", "down"),
      ("不降低", "maintain"), ("不减少", "maintain"), ("不低于", "maintain"),
      ("提高", "up"), ("提升", "up"), ("增强", "up"), ("增加", "up"), ("增长", "up"),
      ("扩大", "up"), ("上升", "up"), ("加强", "up"), ("改善", "up"), ("优化", "up"),
      ("完善", "up"), ("增进", "up"), ("促进", "up"), ("加大", "up"), ("拓展", "up"),
      ("拓宽", "up"), ("深化", "up"), ("强化", "up"), ("递增", "up"), ("增多", "up"),
      ("高于上年", "up"), ("好于上年", "up"), ("优于上年", "up"), ("多于上年", "up"),
      ("有所提高", "up"), ("有所提升", "up"),
      ("加快", "up"), ("增大", "up"), ("增效", "up"), ("改进", "up"), ("健全", "up"),
      ("实现", "achieved"), ("完成", "achieved"), ("达成", "achieved"), ("达标", "achieved"),
      ("建成", "achieved"), ("落实", "achieved"), ("全覆盖", "achieved"), ("到位", "achieved"),
      ("办结", "achieved"), ("落地", "achieved"), ("做到", "achieved"), ("达到", "achieved"),
      ("按时", "achieved"), ("按期", "achieved"), ("及时", "achieved"), ("全部", "achieved"),
      ("保持", "maintain"), ("稳定", "maintain"), ("维持", "maintain"),
      ("不变", "maintain"), ("平稳", "maintain"), ("维护", "maintain"), ("巩固", "maintain"),
      ("常态化", "maintain"), ("长期", "maintain"), ("无事故", "maintain"),
    ])

  /// Grades, as whole values (`优`, `良好以上`, `评价等级为合格`).
  static let grades: Set<String> = [
    "优秀", "优良", "优", "良好", "良", "合格", "不合格", "及格", "中等", "中", "一般", "差",
    "较差", "好", "较好", "很好", "高", "较高", "低", "较低", "满意", "基本满意", "非常满意",
    "达标", "A", "AA", "AAA", "AAAA", "AAAAA", "B", "C", "D", "甲", "乙", "丙", "一等", "二等",
    "三等", "一级", "二级", "三级", "是", "否", "有", "无",
  ]

  /// Prefixes and suffixes stripped around a grade.
  static let gradePrefixes: [String] = [
    "综合评价等级为", "评价等级为", "考核等级为", "考核结果为", "评价结果为", "评定为", "等级为",
    "评价为", "考核为", "结果为", "达到", "保持", "为", "评为",
  ]
  static let gradeSuffixes: [String] = ["及以上", "以上", "等次", "等级", "级别", "水平", "标准"]
  static let gradePrefixWords: [Word] = gradePrefixes.map(word)
  static let gradeSuffixWords: [Word] = gradeSuffixes.map(word)

  /// Whole texts that mean "nothing stated".
  static let emptyMarks: Set<String> = [
    "/", "//", "-", "--", "---", "——", "—", "……", "…", "...", "......", "无数据", "null",
    "NULL", "N/A", "n/a", "NA", "\\", "*", "**", "——/", "空",
  ]
}
