import Foundation
import Tablemend

/// What happened to one golden of a corpus check.
public struct CheckResult: Sendable, Hashable {
  /// The outcome for one input.
  public enum Status: Sendable, Hashable {
    /// The conversion equals the golden.
    case same
    /// The conversion differs; the differences in document order.
    case changed([JSONDifference])
    /// The golden was (re)written from the conversion (`bless`).
    case blessed
    /// The input could not be converted, or the golden could not be read or written.
    case failed(String)
  }

  /// The input's path relative to the corpus root (`seeds/000_x.txt`).
  public var input: String
  /// The golden's path relative to the corpus root (`seeds/000_x.txt.json`).
  public var golden: String
  public var status: Status
}

/// The outcome of checking a corpus against its goldens.
public struct CheckReport: Sendable, Hashable {
  /// One result per golden (or per input given a new golden), in path order.
  public var results: [CheckResult]

  /// True when every golden matched (or was blessed) and nothing failed.
  public var passed: Bool {
    results.allSatisfy {
      switch $0.status {
      case .same, .blessed: true
      case .changed, .failed: false
      }
    }
  }

  /// Results whose conversion differs from the golden.
  public var changed: [CheckResult] {
    results.filter { if case .changed = $0.status { true } else { false } }
  }

  /// Results that could not be converted or compared.
  public var failed: [CheckResult] {
    results.filter { if case .failed = $0.status { true } else { false } }
  }

  /// A readable account: per changed file its differences (JSON path, old, new), per failed
  /// file its error, and a closing count.
  /// - Parameter limit: the most differences listed per file.
  public func text(limit: Int = 50) -> String {
    var lines: [String] = []
    for result in results {
      switch result.status {
      case .same: continue
      case .blessed: lines.append("blessed \(result.golden)")
      case .failed(let error): lines.append("FAILED \(result.input): \(error)")
      case .changed(let differences):
        lines.append(
          "CHANGED \(result.input) (\(differences.count) difference\(differences.count == 1 ? "" : "s") from \(result.golden))"
        )
        for difference in differences.prefix(limit) {
          lines.append("  \(difference.path.isEmpty ? "(root)" : difference.path)")
          lines.append("    old: \(JSONDifference.show(difference.old))")
          lines.append("    new: \(JSONDifference.show(difference.new))")
        }
        if differences.count > limit {
          lines.append("  … and \(differences.count - limit) more")
        }
      }
    }
    let blessed = results.filter { $0.status == .blessed }.count
    let same = results.count - changed.count - failed.count - blessed
    let plural = results.count == 1 ? "" : "s"
    lines.append(
      "\(results.count) golden\(plural): \(same) same, "
        + (blessed > 0 ? "\(blessed) blessed, " : "")
        + "\(changed.count) changed, \(failed.count) failed")
    return lines.joined(separator: "\n")
  }
}

/// Regression checks of a corpus: every input with a golden beside it is converted and compared.
///
/// The golden of `corpus/seeds/000_x.txt` is `corpus/seeds/000_x.txt.json`: the document as
/// `JSONOutput.encode(_:pretty: true)` writes it, plus a newline, with `source.path` relative
/// to the corpus root (`seeds/000_x.txt`) so that goldens do not depend on the checkout's place.
/// Conversion and golden are compared as JSON values, not as text.
public enum CorpusChecker {
  /// The golden's suffix.
  public static let goldenSuffix = ".json"

  /// Checks (or blesses) the corpus under `root`.
  /// - Parameters:
  ///   - root: the corpus folder.
  ///   - bless: rewrite every golden from the current conversion instead of comparing.
  ///   - addMissing: also write goldens for inputs that have none (inputs are files whose
  ///     extension is in `InputWalker.defaultExtensions`).
  ///   - converter: the conversion to check.
  /// - Throws: `BatchError` when the corpus folder cannot be read.
  public static func check(
    root: URL, bless: Bool = false, addMissing: Bool = false, converter: Converter = Converter()
  ) throws(BatchError) -> CheckReport {
    let root = root.standardizedFileURL
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory),
      isDirectory.boolValue
    else { throw BatchError(path: root.path, message: "no such corpus folder") }
    let files = listFiles(root)
    let present = Set(files)
    var results: [CheckResult] = []
    for file in files where !file.hasSuffix(goldenSuffix) {
      let golden = file + goldenSuffix
      let hasGolden = present.contains(golden)
      guard hasGolden || (addMissing && InputWalker().takes(file)) else { continue }
      let status = checkOne(
        root: root, input: file, golden: golden, write: bless || !hasGolden,
        converter: converter)
      results.append(CheckResult(input: file, golden: golden, status: status))
    }
    return CheckReport(results: results)
  }

  /// Converts `data` read from `relativePath` the way goldens are written: `source.path` is
  /// the path relative to the corpus root.
  /// - Returns: the golden's bytes (pretty JSON and a newline).
  public static func golden(of data: Data, relativePath: String, converter: Converter = Converter())
    throws -> Data
  {
    let document = try converter.convert(data: data, path: relativePath)
    var out = try JSONOutput.encode(document, pretty: true)
    out.append(0x0A)
    return out
  }

  private static func checkOne(
    root: URL, input: String, golden: String, write: Bool, converter: Converter
  ) -> CheckResult.Status {
    let inputURL = root.appendingPathComponent(input)
    let goldenURL = root.appendingPathComponent(golden)
    let fresh: Data
    do {
      let data = try Data(contentsOf: inputURL)
      fresh = try CorpusChecker.golden(of: data, relativePath: input, converter: converter)
    } catch let error as ConversionError {
      return .failed(error.description)
    } catch {
      return .failed("\(input): \(error.localizedDescription)")
    }
    if write {
      do {
        try fresh.write(to: goldenURL, options: .atomic)
        return .blessed
      } catch {
        return .failed("\(golden): cannot write golden: \(error.localizedDescription)")
      }
    }
    let old: JSONValue
    let new: JSONValue
    do {
      old = try JSONValue.parse(try Data(contentsOf: goldenURL))
    } catch {
      return .failed("\(golden): cannot read golden: \(error)")
    }
    do {
      new = try JSONValue.parse(fresh)
    } catch {
      return .failed("\(input): cannot read back the conversion: \(error)")
    }
    let differences = JSONDifference.between(old, new)
    return differences.isEmpty ? .same : .changed(differences)
  }

  /// Every regular file under `root`, relative, sorted; hidden entries skipped.
  private static func listFiles(_ root: URL) -> [String] {
    var out: [String] = []
    func walk(_ folder: URL, _ relative: String) {
      let keys: [URLResourceKey] = [.isDirectoryKey, .isRegularFileKey]
      let entries =
        (try? FileManager.default.contentsOfDirectory(
          at: folder, includingPropertiesForKeys: keys)) ?? []
      for entry in entries {
        let name = entry.lastPathComponent
        if name.hasPrefix(".") { continue }
        let path = relative.isEmpty ? name : relative + "/" + name
        let values = try? entry.resourceValues(forKeys: Set(keys))
        if values?.isDirectory == true {
          walk(entry, path)
        } else if values?.isRegularFile == true {
          out.append(path)
        }
      }
    }
    walk(root, "")
    return out.sorted()
  }
}
