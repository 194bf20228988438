/// One 三级指标 of one period, with its place in the 一级/二级 tree and its typed target.
public struct Indicator: Codable, Sendable, Hashable {
  /// `annual` (年度), `mid-term` (中期), `long-term` (长期).
  public var period: String
  public var level1: String
  public var level2: String
  public var level3: String
  public var value: Value
  /// 绩效标准 / 指标值确定依据 text, or nil.
  public var standard: String?
  /// Earlier values (近两年指标值 and the like), in column order.
  public var history: [HistoryValue]
  /// Self-evaluation columns (实际完成值, 分值, 得分 …) by header, when the form has them.
  public var evaluation: [String: String]?
  public var location: Location

  public init(
    period: String, level1: String, level2: String, level3: String, value: Value,
    standard: String? = nil, history: [HistoryValue] = [], evaluation: [String: String]? = nil,
    location: Location
  ) {
    self.period = period
    self.level1 = level1
    self.level2 = level2
    self.level3 = level3
    self.value = value
    self.standard = standard
    self.history = history
    self.evaluation = evaluation
    self.location = location
  }

  enum CodingKeys: String, CodingKey {
    case period, level1, level2, level3, value, standard, history, evaluation, location
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(period, forKey: .period)
    try c.encode(level1, forKey: .level1)
    try c.encode(level2, forKey: .level2)
    try c.encode(level3, forKey: .level3)
    try c.encode(value, forKey: .value)
    try c.encode(standard, forKey: .standard)
    try c.encode(history, forKey: .history)
    try c.encodeIfPresent(evaluation, forKey: .evaluation)
    try c.encode(location, forKey: .location)
  }
}

/// An earlier value of an indicator, labelled as its column is (前年, 上年, 2021年).
public struct HistoryValue: Codable, Sendable, Hashable {
  public var label: String
  public var value: Value

  public init(label: String, value: Value) {
    self.label = label
    self.value = value
  }
}
