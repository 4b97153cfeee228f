from django.core.management.base import BaseCommand, CommandError

from assessments import gift_import


class Command(BaseCommand):
    help = "Écrit un quiz au format GIFT sur la sortie standard."

    def add_arguments(self, parser):
        parser.add_argument("quiz", help="Slug ou numéro du quiz")

    def handle(self, *args, **options):
        try:
            quiz = gift_import.find_quiz(options["quiz"])
        except gift_import.ImportRefused as error:
            raise CommandError(str(error)) from None
        result = gift_import.export(quiz)
        for issue in result.skipped:
            self.stderr.write(f"Non exportée ({issue.name or 'question ' + str(issue.line)}) : {issue.message}")
        self.stdout.write(result.text, ending="")
