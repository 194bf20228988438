import Foundation

/// A JSON value, for comparing documents as data rather than as text.
public enum JSONValue: Sendable, Hashable, Decodable, CustomStringConvertible {
  case null
  case bool(Bool)
  case number(Double)
  case string(String)
  case array([JSONValue])
  case object([String: JSONValue])

  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if container.decodeNil() {
      self = .null
    } else if let b = try? container.decode(Bool.self) {
      self = .bool(b)
    } else if let n = try? container.decode(Double.self) {
      self = .number(n)
    } else if let s = try? container.decode(String.self) {
      self = .string(s)
    } else if let a = try? container.decode([JSONValue].self) {
      self = .array(a)
    } else {
      self = .object(try container.decode([String: JSONValue].self))
    }
  }

  /// Parses UTF-8 JSON text.
  public static func parse(_ data: Data) throws -> JSONValue {
    try JSONDecoder().decode(JSONValue.self, from: data)
  }

  /// Compact JSON text with sorted keys.
  public var description: String {
    switch self {
    case .null: return "null"
    case .bool(let b): return b ? "true" : "false"
    case .number(let n): return IndicatorRow.number(n)
    case .string(let s): return JSONValue.quote(s)
    case .array(let a): return "[" + a.map(\.description).joined(separator: ",") + "]"
    case .object(let o):
      return "{"
        + o.keys.sorted().map { JSONValue.quote($0) + ":" + (o[$0]?.description ?? "null") }
        .joined(separator: ",") + "}"
    }
  }

  static func quote(_ s: String) -> String {
    var out = "\""
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }
}

/// One place where two JSON values differ.
public struct JSONDifference: Sendable, Hashable, CustomStringConvertible {
  /// Where: `forms[0].indicators[3].value.op`; empty for the root.
  public var path: String
  /// The value in the golden, nil when the key or element is absent there.
  public var old: JSONValue?
  /// The value now, nil when the key or element is absent now.
  public var new: JSONValue?

  /// Makes a difference.
  public init(path: String, old: JSONValue?, new: JSONValue?) {
    self.path = path
    self.old = old
    self.new = new
  }

  /// `path: old → new`, long values cut to 200 characters.
  public var description: String {
    "\(path.isEmpty ? "(root)" : path): \(JSONDifference.show(old)) → \(JSONDifference.show(new))"
  }

  static func show(_ value: JSONValue?) -> String {
    guard let value else { return "(absent)" }
    let text = value.description
    guard text.count > 200 else { return text }
    return String(text.prefix(200)) + "… (\(text.count) characters)"
  }

  /// Every difference between `old` and `new`, in document order (keys sorted).
  public static func between(_ old: JSONValue, _ new: JSONValue, at path: String = "")
    -> [JSONDifference]
  {
    var out: [JSONDifference] = []
    collect(old, new, path, &out)
    return out
  }

  private static func collect(
    _ old: JSONValue, _ new: JSONValue, _ path: String, _ out: inout [JSONDifference]
  ) {
    switch (old, new) {
    case (.object(let a), .object(let b)):
      for key in Set(a.keys).union(b.keys).sorted() {
        let sub = child(path, key: key)
        switch (a[key], b[key]) {
        case (let x?, let y?): collect(x, y, sub, &out)
        case (let x, let y): out.append(JSONDifference(path: sub, old: x, new: y))
        }
      }
    case (.array(let a), .array(let b)):
      for index in 0..<max(a.count, b.count) {
        let sub = "\(path)[\(index)]"
        if index < a.count, index < b.count {
          collect(a[index], b[index], sub, &out)
        } else {
          out.append(
            JSONDifference(
              path: sub, old: index < a.count ? a[index] : nil,
              new: index < b.count ? b[index] : nil))
        }
      }
    default:
      if old != new { out.append(JSONDifference(path: path, old: old, new: new)) }
    }
  }

  /// `path.key`, or `path["key"]` for keys that would read ambiguously.
  static func child(_ path: String, key: String) -> String {
    let plain =
      !key.isEmpty
      && !key.unicodeScalars.contains {
        $0 == "." || $0 == "[" || $0 == "]" || $0 == "\"" || $0.properties.isWhitespace
      }
    if plain { return path.isEmpty ? key : "\(path).\(key)" }
    return "\(path)[\(quote(key))]"
  }

  private static func quote(_ s: String) -> String { JSONValue.quote(s) }
}
