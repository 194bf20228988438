/// A performance form recognised inside one or more tables.
public struct Form: Codable, Sendable, Hashable {
  /// What kind of form this is.
  public enum Kind: String, Codable, Sendable, Hashable, CaseIterable {
    /// 项目支出绩效目标表 and its variants (申报表, 填报表).
    case projectTargets = "project-targets"
    /// 部门整体(支出)绩效目标(申报)表.
    case departmentTargets = "department-targets"
    /// 项目支出绩效自评表.
    case projectSelfEvaluation = "project-self-evaluation"
    /// 部门整体(支出)绩效自评表.
    case departmentSelfEvaluation = "department-self-evaluation"
  }

  public var kind: Kind
  /// The title as printed above or in the table (项目支出绩效目标表), or nil.
  public var title: String?
  /// The budget year (2021 from （2021年度）), or nil.
  public var year: Int?
  /// Label → value, the label exactly as printed on the form (项目名称, 主管部门 …).
  public var fields: [String: String]
  public var funds: [Fund]
  public var goals: [Goal]
  public var indicators: [Indicator]
  public var records: [Record]
  /// Ids of the tables the form was read from.
  public var tables: [String]
  /// Where the form starts.
  public var location: Location

  public init(
    kind: Kind, title: String? = nil, year: Int? = nil, fields: [String: String] = [:],
    funds: [Fund] = [], goals: [Goal] = [], indicators: [Indicator] = [],
    records: [Record] = [], tables: [String], location: Location
  ) {
    self.kind = kind
    self.title = title
    self.year = year
    self.fields = fields
    self.funds = funds
    self.goals = goals
    self.indicators = indicators
    self.records = records
    self.tables = tables
    self.location = location
  }

  enum CodingKeys: String, CodingKey {
    case kind, title, year, fields, funds, goals, indicators, records, tables, location
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(kind, forKey: .kind)
    try c.encode(title, forKey: .title)
    try c.encode(year, forKey: .year)
    try c.encode(fields, forKey: .fields)
    try c.encode(funds, forKey: .funds)
    try c.encode(goals, forKey: .goals)
    try c.encode(indicators, forKey: .indicators)
    try c.encode(records, forKey: .records)
    try c.encode(tables, forKey: .tables)
    try c.encode(location, forKey: .location)
  }
}

/// One amount of money stated on a form.
public struct Fund: Codable, Sendable, Hashable {
  /// The label as printed (中期资金总额, 财政拨款, 其他资金 …).
  public var label: String
  /// `mid-term`, `annual`, `long-term`, or a year such as `2021` for 近两年 columns.
  public var period: String
  public var amount: Double
  /// `万元`, `元`, …
  public var unit: String
  /// The group the label sits in (收入构成, 支出构成, 其中), if any.
  public var category: String?

  public init(label: String, period: String, amount: Double, unit: String, category: String? = nil)
  {
    self.label = label
    self.period = period
    self.amount = amount
    self.unit = unit
    self.category = category
  }
}

/// The goals (总体目标) of one period, split into their items.
public struct Goal: Codable, Sendable, Hashable {
  public var period: String
  public var items: [String]

  public init(period: String, items: [String]) {
    self.period = period
    self.items = items
  }
}

/// One row of a repeated sub-table, such as 项目支出情况 or 年度工作任务.
public struct Record: Codable, Sendable, Hashable {
  public var section: String
  /// Column header → cell text.
  public var fields: [String: String]

  public init(section: String, fields: [String: String]) {
    self.section = section
    self.fields = fields
  }
}
