#pragma once
// Runs the built `cargoquote` binary (CARGOQUOTE_CLI_PATH, defined by the build) in a child
// process and captures its exit code, stdout and stderr. Shared by the CLI test files.

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cargoquote/core/error.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#ifndef CARGOQUOTE_CLI_PATH
#error "CARGOQUOTE_CLI_PATH (the cargoquote binary) must be defined by the build"
#endif

extern char** environ;

namespace cargoquote::cli {

struct CliRun {
    int exit_code = -1;
    std::string out;
    std::string err;
};

inline std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

inline void write_file(const std::filesystem::path& path, std::string_view text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
}

inline int exit_code_of(ErrorCode code) { return static_cast<int>(code); }

// Runs the binary with `args` in a child process. The child gets this environment without
// CARGOQUOTE_DB, plus the "NAME=value" entries of `env`; stdin is /dev/null, stdout and stderr go
// to files in `scratch`.
inline CliRun run_cli(const std::filesystem::path& scratch, const std::vector<std::string>& args,
                      const std::vector<std::string>& env = {}) {
    std::vector<std::string> arg_text = {CARGOQUOTE_CLI_PATH};
    arg_text.insert(arg_text.end(), args.begin(), args.end());
    std::vector<std::string> env_text;
    for (char** e = environ; *e != nullptr; ++e) {
        if (std::string_view(*e).rfind("CARGOQUOTE_DB=", 0) != 0) env_text.emplace_back(*e);
    }
    env_text.insert(env_text.end(), env.begin(), env.end());
    const auto pointers = [](std::vector<std::string>& texts) {
        std::vector<char*> out;
        for (auto& t : texts) out.push_back(t.data());
        out.push_back(nullptr);
        return out;
    };
    std::vector<char*> argv = pointers(arg_text);
    std::vector<char*> envp = pointers(env_text);
    const std::string out_path = (scratch / "stdout.txt").string();
    const std::string err_path = (scratch / "stderr.txt").string();

    const pid_t pid = ::fork();
    if (pid == 0) {
        const int in = ::open("/dev/null", O_RDONLY);
        const int out = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        const int err = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (in < 0 || out < 0 || err < 0) ::_exit(126);
        ::dup2(in, 0);
        ::dup2(out, 1);
        ::dup2(err, 2);
        ::execve(argv[0], argv.data(), envp.data());
        ::_exit(127);
    }
    CliRun run;
    int status = 0;
    if (pid < 0 || ::waitpid(pid, &status, 0) != pid) return run;
    run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    run.out = read_file(out_path);
    run.err = read_file(err_path);
    return run;
}

}  // namespace cargoquote::cli
