import ArgumentParser
import Foundation
import Tablemend

struct ConvertCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "convert",
    abstract: "Convert exports to the canonical JSON model.",
    discussion: """
      One file gives one JSON Document; several give one Document per line (JSON Lines). \
      `-` reads standard input. Output goes to standard output unless -o names a file, which \
      is written whole or not at all. A file that cannot be read is reported on standard \
      error as `tablemend: FILE:PLACE: message`, the others are still converted, and the exit \
      status is 1.

      Input is detected: PDF (ruled tables read from the page, with MuPDF's mutool; --pages \
      3-7 limits the pages), .docx and WordprocessingML XML, workbooks (.xlsx, BIFF8 .xls and \
      WPS .et, Excel 2003 XML), or text in UTF-8, UTF-16, GB18030 or Big5 in one of these \
      dialects: \(Converter.dialects.joined(separator: ", ")). An image, a legacy .doc or an \
      RTF is named as what it is.

      Examples:
        tablemend convert form.docx > form.json
        tablemend convert --pretty page.txt
        tablemend convert a.txt b.docx -o all.jsonl
        tablemend convert --pretty a.txt b.txt          (a JSON array)
        curl -s URL | tablemend convert - --source-name URL

      Exit codes: 0 converted; 1 a file could not be read; 2 the output could not be \
      written; 3 --strict and a file gave no form; 64 bad usage.
      """)

  @Argument(help: "Files to convert (`-` for standard input).")
  var files: [String]

  @Option(name: .shortAndLong, help: "Write the output to this file instead of standard output.")
  var output: String?

  @Flag(
    help: """
      Exit 3 when a file gives no form (nothing recognised), naming it on stderr; the JSON is \
      still written.
      """)
  var strict = false

  @Flag(help: "Indent the JSON; several files then give one JSON array instead of JSON Lines.")
  var pretty = false

  @Option(help: "The name recorded as source.path for standard input (default `-`).")
  var sourceName: String?

  @OptionGroup var reader: ReaderOptions

  func validate() throws {
    if sourceName != nil && !files.contains("-") {
      throw ValidationError("--source-name names standard input: give `-` among the files")
    }
  }

  func run() throws {
    let result = try Self.convert(
      files, output: output, pretty: pretty, options: try reader.convertOptions(),
      stdinName: sourceName ?? "-")
    if result.status != 0 { throw ExitCode(result.status) }
    if strict && !result.formless.isEmpty {
      for file in result.formless {
        FileHandle.standardError.write(
          Data("tablemend: \(file): no form recognised (--strict)\n".utf8))
      }
      throw ExitCode(3)
    }
  }

  /// The files of `tablemend convert FILE…` given without any option (the common call), or nil
  /// when ArgumentParser must read the arguments: the CLI's `main` then converts them without
  /// ArgumentParser's set-up (13 M instructions, a third of a small file's run).
  static func plainFiles(_ arguments: [String]) -> [String]? {
    guard arguments.count >= 2, arguments[0] == "convert" else { return nil }
    let files = Array(arguments.dropFirst())
    for file in files where file.isEmpty || file == "help" || (file.hasPrefix("-") && file != "-") {
      return nil
    }
    return files
  }

  /// Converts `files` and writes their JSON.
  /// - Returns: The exit status (0, 1 when a file could not be read, 2 when the output could
  ///   not be written) and, for one file, its document, which a caller about to exit may keep
  ///   from being freed.
  static func convert(
    _ files: [String], output: String?, pretty: Bool, options: ConvertOptions,
    stdinName: String = "-"
  )
    throws -> (status: Int32, documents: [ConvertedOutput], formless: [String])
  {
    var formless: [String] = []
    let converter = Converter(options: options)
    var out: [Data] = []
    var failures = 0
    var documents: [ConvertedOutput] = []
    // The one document whose JSON is written in pieces, before `out`.
    var streamed: ConvertedOutput?
    for file in files {
      do {
        if files.count == 1 && !pretty {
          // One document: its JSON, the tables encoded while the forms stage runs, is the
          // output, written in parts without a copy; a large one's JSON is written in pieces
          // as it is encoded, never held whole.
          let converted =
            file == "-"
            ? try converter.convertForOutput(
              data: FileHandle.standardInput.readDataToEndOfFile(), path: stdinName)
            : try converter.convertForOutput(fileAt: URL(fileURLWithPath: file))
          if let json = converted.json { out = json } else { streamed = converted }
          documents = [converted]
          if converted.forms.isEmpty { formless.append(file) }
        } else {
          let document: Document
          if file == "-" {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            document = try converter.convert(data: data, path: stdinName)
          } else {
            document = try converter.convert(fileAt: URL(fileURLWithPath: file))
          }
          if document.forms.isEmpty { formless.append(file) }
          out.append(try JSONOutput.encode(document, pretty: pretty))
        }
        // Several documents pretty-printed are one JSON array, not JSON Lines.
        if pretty && files.count > 1 {
          let indented =
            "  "
            + String(decoding: out[out.count - 1], as: UTF8.self)
            .replacingOccurrences(of: "\n", with: "\n  ")
          out[out.count - 1] = Data(indented.utf8)
          out.append(Data(",\n".utf8))
        } else {
          out.append(Data([0x0A]))
        }
      } catch let error as ConversionError {
        failures += 1
        FileHandle.standardError.write(Data("tablemend: \(error.description)\n".utf8))
      }
    }
    if pretty && files.count > 1 {
      if out.last == Data(",\n".utf8) { out[out.count - 1] = Data("\n".utf8) }
      out.insert(Data("[\n".utf8), at: 0)
      out.append(Data("]\n".utf8))
    }
    if let output {
      if failures == 0 || !out.isEmpty || streamed != nil {
        do {
          try writeWhole(to: output) { sink in
            if let streamed { try streamed.write(to: sink) }
            for part in out { try part.withUnsafeBytes(sink) }
          }
        } catch {
          FileHandle.standardError.write(
            Data("tablemend: \(output): cannot write: \(error.localizedDescription)\n".utf8))
          return (2, documents, formless)
        }
      }
    } else {
      if let streamed {
        do {
          try streamed.write { try writeAll(STDOUT_FILENO, $0) }
        } catch {
          FileHandle.standardError.write(
            Data("tablemend: standard output: cannot write: \(error.localizedDescription)\n".utf8))
          return (2, documents, formless)
        }
      }
      for part in out { FileHandle.standardOutput.write(part) }
    }
    return (failures > 0 ? 1 : 0, documents, formless)
  }

  /// Writes what `produce` hands its sink to `path`, whole or not at all: into a new file
  /// beside it, renamed over `path` once every byte is written (what `Data.write(to:options:
  /// .atomic)` does, without first holding the bytes: a 100,000-row workbook's JSON is 178 MB).
  static func writeWhole(
    to path: String, _ produce: ((UnsafeRawBufferPointer) throws -> Void) throws -> Void
  ) throws {
    let url = URL(fileURLWithPath: path)
    let temporary = url.deletingLastPathComponent().appendingPathComponent(
      ".\(url.lastPathComponent).tablemend-\(getpid())-\(UInt32.random(in: 0 ... .max))"
    ).path
    let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
    guard fd >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    // The kernel's copy into the file runs on a thread of its own beside the encoding.
    let writer = BackgroundWriter { chunk in
      try chunk.withUnsafeBytes { try writeAll(fd, $0) }
    }
    var failure: (any Error)?
    do {
      try produce { try writer.write($0) }
    } catch {
      failure = error
    }
    let written = writer.finish()
    if let error = failure ?? written {
      close(fd)
      unlink(temporary)
      throw error
    }
    if close(fd) != 0 || rename(temporary, path) != 0 {
      let error = POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
      unlink(temporary)
      throw error
    }
  }

  /// Writes every byte of `bytes` to `fd`.
  static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) throws {
    guard var at = bytes.baseAddress else { return }
    var left = bytes.count
    while left > 0 {
      let n = write(fd, at, left)
      if n < 0 {
        if errno == EINTR { continue }
        throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
      }
      at += n
      left -= n
    }
  }
}
