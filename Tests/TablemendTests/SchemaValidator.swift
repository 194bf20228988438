import Foundation

/// A small JSON Schema (draft 2020-12) checker for the keywords tablemend's schema uses:
/// type, required, properties, additionalProperties, items, enum, const, $ref to $defs,
/// anyOf, allOf, if/then, minimum and pattern. Returns the JSON paths that fail.
private let kTrue = NSNumber(value: true)
private let kFalse = NSNumber(value: false)

struct SchemaValidator {
  let root: [String: Any]

  init(data: Data) throws {
    root = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
  }

  func validate(_ instance: Any) -> [String] {
    var errors: [String] = []
    check(instance, against: root, path: "$", errors: &errors)
    return errors
  }

  private func resolve(_ schema: [String: Any]) -> [String: Any] {
    guard let ref = schema["$ref"] as? String, ref.hasPrefix("#/$defs/"),
      let defs = root["$defs"] as? [String: Any],
      let target = defs[String(ref.dropFirst("#/$defs/".count))] as? [String: Any]
    else { return schema }
    return target
  }

  private func typeName(_ value: Any) -> String {
    switch value {
    case is NSNull: return "null"
    case let n as NSNumber:
      if String(cString: n.objCType) == "c"
        || type(of: n) != type(of: NSNumber(value: 1))
          && (n === kTrue || n === kFalse)
      {
        return "boolean"
      }
      return n.doubleValue == n.doubleValue.rounded() ? "integer" : "number"
    case is String: return "string"
    case is [Any]: return "array"
    case is [String: Any]: return "object"
    default: return "unknown"
    }
  }

  private func check(_ value: Any, against raw: [String: Any], path: String, errors: inout [String])
  {
    let schema = resolve(raw)
    if let anyOf = schema["anyOf"] as? [[String: Any]] {
      let ok = anyOf.contains { option in
        var sub: [String] = []
        check(value, against: option, path: path, errors: &sub)
        return sub.isEmpty
      }
      if !ok { errors.append("\(path): matches no anyOf option") }
      return
    }
    if let all = schema["allOf"] as? [[String: Any]] {
      for sub in all { check(value, against: sub, path: path, errors: &errors) }
    }
    if let condition = schema["if"] as? [String: Any], let then = schema["then"] as? [String: Any] {
      var probe: [String] = []
      check(value, against: condition, path: path, errors: &probe)
      if probe.isEmpty { check(value, against: then, path: path, errors: &errors) }
    }
    let actual = typeName(value)
    if let type = schema["type"] {
      let allowed = (type as? [String]) ?? [(type as? String) ?? ""]
      let fits = allowed.contains(actual) || (actual == "integer" && allowed.contains("number"))
      if !fits {
        errors.append("\(path): \(actual) is not \(allowed.joined(separator: "|"))")
        return
      }
    }
    if let options = schema["enum"] as? [Any] {
      if !options.contains(where: { "\($0)" == "\(value)" }) {
        errors.append("\(path): \(value) not in enum")
      }
    }
    if let constant = schema["const"], "\(constant)" != "\(value)" {
      errors.append("\(path): \(value) is not \(constant)")
    }
    if let minimum = schema["minimum"] as? Double, let n = value as? NSNumber,
      n.doubleValue < minimum
    {
      errors.append("\(path): \(n) < \(minimum)")
    }
    if let pattern = schema["pattern"] as? String, let s = value as? String,
      s.range(of: pattern, options: .regularExpression) == nil
    {
      errors.append("\(path): '\(s)' does not match \(pattern)")
    }
    if let object = value as? [String: Any] {
      for key in schema["required"] as? [String] ?? [] where object[key] == nil {
        errors.append("\(path): missing \(key)")
      }
      let properties = schema["properties"] as? [String: Any] ?? [:]
      for (key, child) in object {
        if let sub = properties[key] as? [String: Any] {
          check(child, against: sub, path: "\(path).\(key)", errors: &errors)
        } else if let extra = schema["additionalProperties"] {
          if let allowed = extra as? Bool, !allowed {
            errors.append("\(path): unexpected key \(key)")
          } else if let sub = extra as? [String: Any] {
            check(child, against: sub, path: "\(path).\(key)", errors: &errors)
          }
        }
      }
    }
    if let array = value as? [Any], let items = schema["items"] as? [String: Any] {
      for (i, child) in array.enumerated() {
        check(child, against: items, path: "\(path)[\(i)]", errors: &errors)
      }
    }
  }
}
