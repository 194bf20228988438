import Foundation
import Tablemend

/// What happened to one golden of a corpus check.
public struct CheckResult: Sendable, Hashable {
  /// The outcome for one input.
  public enum Status: Sendable, Hashable {
    /// The conversion equals the golden.
    case same
    /// The conversion differs; the differences in document order (those of indicators,
    /// fields and funds are in the result's `review` instead, when both sides read as
    /// documents).
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
  /// Indicators, fields and funds added, removed or changed, matched by key
  /// (`KeyedReview.lines`); empty when nothing changed or a side is no document.
  public var review: [String] = []
}

/// The outcome of checking a corpus against its goldens.
public struct CheckReport: Sendable, Hashable {
  /// One result per golden (or per input given a new golden), in path order.
  public var results: [CheckResult]
  /// Inputs (by their extension) that have no golden, relative to their corpus root.
  public var withoutGolden: [String] = []

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
        let count = differences.count + result.review.count
        lines.append(
          "CHANGED \(result.input) (\(count) difference\(count == 1 ? "" : "s") from \(result.golden))"
        )
        for line in result.review.prefix(limit) { lines.append("  \(line)") }
        if result.review.count > limit {
          lines.append("  … and \(result.review.count - limit) more")
        }
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
    if !withoutGolden.isEmpty {
      lines.append("no golden (\(withoutGolden.count)): \(withoutGolden.joined(separator: ", "))")
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
    return check(
      root: root, files: listFiles(root), bless: bless, addMissing: addMissing, converter: converter
    )
  }

  /// Checks (or blesses) the given files or folders inside a corpus: the corpus root of each
  /// input is found from its golden (whose `source.path` is relative to the root), so
  /// `corpus/real` or one file in it can be checked alone.
  /// - Throws: `BatchError` when a path does not exist.
  public static func check(
    paths: [URL], bless: Bool = false, converter: Converter = Converter()
  ) throws(BatchError) -> CheckReport {
    var report = CheckReport(results: [])
    for path in paths {
      let url = path.standardizedFileURL
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
        throw BatchError(path: url.path, message: "no such file or folder")
      }
      let folder = isDirectory.boolValue ? url : url.deletingLastPathComponent()
      let names = isDirectory.boolValue ? listFiles(url) : [url.lastPathComponent]
      let present = Set(isDirectory.boolValue ? names : listFiles(folder))
      // Each input's golden says its place relative to the corpus root.
      var byRoot: [String: [String]] = [:]
      for name in names where !name.hasSuffix(goldenSuffix) {
        guard present.contains(name + goldenSuffix) else {
          if InputWalker().takes(name) { report.withoutGolden.append(folder.path + "/" + name) }
          continue
        }
        let root = corpusRoot(folder.appendingPathComponent(name)) ?? folder
        let relative = String(
          folder.appendingPathComponent(name).path.dropFirst(root.path.count + 1))
        byRoot[root.path, default: []].append(relative)
      }
      for root in byRoot.keys.sorted() {
        let rootURL = URL(fileURLWithPath: root)
        let files = (byRoot[root] ?? []).flatMap { [$0, $0 + goldenSuffix] }
        let part = check(
          root: rootURL, files: files, bless: bless, addMissing: false, converter: converter)
        report.results += part.results
      }
    }
    return report
  }

  /// The corpus root of `input`: its path without the golden's `source.path` at its end.
  public static func corpusRoot(_ input: URL) -> URL? {
    guard let data = try? Data(contentsOf: URL(fileURLWithPath: input.path + goldenSuffix)),
      let value = try? JSONValue.parse(data),
      case .object(let top) = value,
      case .object(let source)? = top["source"],
      case .string(let path)? = source["path"],
      input.path.hasSuffix("/" + path)
    else { return nil }
    return URL(fileURLWithPath: String(input.path.dropLast(path.count + 1)))
  }

  static func check(
    root: URL, files: [String], bless: Bool, addMissing: Bool, converter: Converter
  ) -> CheckReport {
    let present = Set(files)
    var results: [CheckResult] = []
    var withoutGolden: [String] = []
    for file in files where !file.hasSuffix(goldenSuffix) {
      let golden = file + goldenSuffix
      let hasGolden = present.contains(golden)
      if !hasGolden {
        guard InputWalker().takes(file) else { continue }
        guard addMissing else {
          withoutGolden.append(file)
          continue
        }
      }
      var result = checkOne(
        root: root, input: file, golden: golden, bless: bless, hasGolden: hasGolden,
        converter: converter)
      result.input = file
      result.golden = golden
      results.append(result)
    }
    var report = CheckReport(results: results)
    report.withoutGolden = withoutGolden
    return report
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
    root: URL, input: String, golden: String, bless: Bool, hasGolden: Bool, converter: Converter
  ) -> CheckResult {
    func result(_ status: CheckResult.Status, review: [String] = []) -> CheckResult {
      CheckResult(input: input, golden: golden, status: status, review: review)
    }
    let inputURL = root.appendingPathComponent(input)
    let goldenURL = root.appendingPathComponent(golden)
    let fresh: Data
    do {
      let data = try Data(contentsOf: inputURL)
      fresh = try CorpusChecker.golden(of: data, relativePath: input, converter: converter)
    } catch let error as ConversionError {
      return result(.failed(error.description))
    } catch {
      return result(.failed("\(input): \(error.localizedDescription)"))
    }
    func write() -> CheckResult {
      do {
        try fresh.write(to: goldenURL, options: .atomic)
        return result(.blessed)
      } catch {
        return result(.failed("\(golden): cannot write golden: \(error.localizedDescription)"))
      }
    }
    guard hasGolden else { return write() }
    let old: JSONValue
    let new: JSONValue
    do {
      old = try JSONValue.parse(try Data(contentsOf: goldenURL))
    } catch {
      // A golden that is no JSON: rewritten by bless, else one line saying so.
      if bless { return write() }
      let reason = "\(error)".split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
      return result(.failed("\(golden): the golden is not JSON (\(reason))"))
    }
    do {
      new = try JSONValue.parse(fresh)
    } catch {
      return result(.failed("\(input): cannot read back the conversion: \(error)"))
    }
    let differences = JSONDifference.between(old, new)
    if differences.isEmpty { return result(.same) }
    // Bless rewrites only goldens that changed.
    if bless { return write() }
    let decoder = JSONDecoder()
    guard let before = try? decoder.decode(Document.self, from: Data(contentsOf: goldenURL)),
      let after = try? decoder.decode(Document.self, from: fresh)
    else { return result(.changed(differences)) }
    let review = KeyedReview.lines(old: before, new: after)
    let rest = differences.filter { !KeyedReview.isKeyed($0.path) }
    return result(.changed(rest), review: review)
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
