/// A typed indicator value, always with the raw text it came from.
///
/// One flat struct rather than an enum with payloads, so that the JSON stays one object with a
/// `kind` and only the keys that kind uses (nil keys are left out):
///
/// | kind | keys |
/// |---|---|
/// | `comparison` | `op`, `value`, `unit`, `per`, `approximate`, `baseValue`, `baseUnit` |
/// | `range` | `min`, `max`, `minInclusive`, `maxInclusive`, `unit` |
/// | `deadline` | `date` (as far as it is known), `from` |
/// | `frequency` | `every`, `at` |
/// | `qualitative` | `text`, `direction`, `grade` |
/// | `multiple` | `parts` |
/// | `empty` | — |
///
/// `subject` (the context of a count inside a sentence, `市直…行政机构`), `unparsed`
/// (text the normaliser could not account for), `date` and `direction` may appear with any
/// kind. See docs/values.md for every kind and field.
public struct Value: Codable, Sendable, Hashable {
  /// What sort of target the text states.
  public enum Kind: String, Codable, Sendable, Hashable, CaseIterable {
    case comparison, range, deadline, frequency, qualitative, multiple, empty
  }

  /// A comparison operator.
  public enum Operator: String, Codable, Sendable, Hashable, CaseIterable {
    case greaterOrEqual = ">="
    case lessOrEqual = "<="
    case greater = ">"
    case less = "<"
    case equal = "="
    /// 约 / 左右 as the lexicon reads them; a parsed comparison carries it as `equal` with
    /// `approximate` set, so values never hold it.
    case approximately = "~"
  }

  /// A calendar date as far as the text gives it (`年底前` → month 12, end of month).
  public struct DateParts: Codable, Sendable, Hashable {
    public var year: Int?
    public var month: Int?
    public var day: Int?
    /// `before` (前/之前/以前), `by` (底/末/内: at the latest by the end of the period),
    /// `after` (后/以后), `in` (a plain date: during that period).
    public var relation: String?
    /// The quarter (1–4) when the text names one (`第三季度末`); `month` is then its last month.
    public var quarter: Int?

    public init(
      year: Int? = nil, month: Int? = nil, day: Int? = nil, relation: String? = nil,
      quarter: Int? = nil
    ) {
      self.year = year
      self.month = month
      self.day = day
      self.relation = relation
      self.quarter = quarter
    }
  }

  /// A labelled part of a `multiple` value (机关 300元/个/年).
  public struct Part: Codable, Sendable, Hashable {
    public var label: String?
    public var value: Value

    public init(label: String?, value: Value) {
      self.label = label
      self.value = value
    }
  }

  /// The text as written in the source (after cell cleaning).
  public var raw: String
  public var kind: Kind
  public var op: Operator?
  public var value: Double?
  public var unit: String?
  /// The period a count is per: `年` for 每年.
  public var per: String?
  /// True for 约, 左右, 余, 多.
  public var approximate: Bool?
  public var min: Double?
  public var max: Double?
  public var minInclusive: Bool?
  public var maxInclusive: Bool?
  public var date: DateParts?
  /// Frequency: the period (`月`, `年`, `周`).
  public var every: String?
  /// Frequency: when within the period (`月初`, `12月`).
  public var at: String?
  /// Qualitative: the normalised text.
  public var text: String?
  /// Qualitative: `up`, `down`, `achieved`, `maintain`.
  public var direction: String?
  /// Qualitative: a grade such as 优, 良, 合格.
  public var grade: String?
  /// The context of a count inside a sentence (`市直…行政机构`), or a part's own label text.
  public var subject: String?
  public var parts: [Part]?
  /// Text the normaliser could not account for (`次` in `大于等于 100% 次`), never dropped.
  public var unparsed: [String]?
  /// Deadline: the start of a stated period (`2021年1月-12月` → month 1).
  public var from: DateParts?
  /// The value in the base unit when `unit` carries a scale (`3万元` → 30000).
  public var baseValue: Double?
  /// The base unit beside a scaled unit (`万元` → `元`, `万人次` → `人次`).
  public var baseUnit: String?

  public init(raw: String, kind: Kind) {
    self.raw = raw
    self.kind = kind
  }

  /// An `empty` value for blank text.
  public static func empty(raw: String = "") -> Value { Value(raw: raw, kind: .empty) }

  /// A `comparison` value.
  public static func comparison(
    raw: String, op: Operator, value: Double, unit: String?, per: String? = nil
  ) -> Value {
    var v = Value(raw: raw, kind: .comparison)
    v.op = op
    v.value = value
    v.unit = unit
    v.per = per
    return v
  }
}
