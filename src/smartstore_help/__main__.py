from smartstore_help.cli import main

main()
