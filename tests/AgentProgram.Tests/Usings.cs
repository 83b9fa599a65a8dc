global using AgentProgram.Tests.Infrastructure;
